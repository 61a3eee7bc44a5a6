using CameraMonitor.Application.Rollout.DarkLaunch;
using CameraMonitor.Application.Rollout.Parity;

namespace CameraMonitor.Application.UnitTests.Rollout.DarkLaunch;

public sealed class WriteSetComparerTests
{
    private static readonly ParityRules NoRules = new([], []);

    [Fact]
    public void Compare_TheSameRowsInAnotherOrder_Match()
    {
        var domain = new[] { Insert(1, "violations", """{"id":1,"type":"a"}"""), Insert(2, "violations", """{"id":2,"type":"b"}""") };
        var legacy = new[] { Insert(1, "violations", """{"id":2,"type":"b"}"""), Insert(2, "violations", """{"id":1,"type":"a"}""") };

        Assert.Empty(WriteSetComparer.Compare(domain, legacy, NoRules));
    }

    [Fact]
    public void Compare_WhenAColumnDiffers_NamesTableOperationAndColumn()
    {
        var differences = WriteSetComparer.Compare(
            [Insert(1, "cameras", """{"id":"cam9","location":"hall"}""")],
            [Insert(1, "cameras", """{"id":"cam9","location":"dock"}""")], NoRules);

        var difference = Assert.Single(differences);
        Assert.Equal("cameras.insert[0].location", difference.Path);
        Assert.Equal("cameras.location", difference.Field);
        Assert.Equal("\"hall\"", difference.Left);
        Assert.Equal("\"dock\"", difference.Right);
    }

    [Fact]
    public void Compare_ARowWrittenOnOneSideOnly_IsADifferenceOfTheTable()
    {
        var differences = WriteSetComparer.Compare([Insert(1, "alerts", """{"id":1}""")], [], NoRules);

        var difference = Assert.Single(differences);
        Assert.Equal("alerts.insert[0]", difference.Path);
        Assert.Equal("alerts", difference.Field);
        Assert.Null(difference.Right);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("violations.id")]
    public void Compare_IgnoredColumns_AreDroppedBeforeComparing(string rule)
    {
        var differences = WriteSetComparer.Compare([Insert(1, "violations", """{"id":7,"type":"a"}""")],
            [Insert(1, "violations", """{"id":9,"type":"a"}""")], new ParityRules([rule], []));

        Assert.Empty(differences);
    }

    [Fact]
    public void Compare_AnIgnoredColumnOfAnotherTable_StillCounts()
    {
        var differences = WriteSetComparer.Compare([Insert(1, "violations", """{"id":7}""")],
            [Insert(1, "violations", """{"id":9}""")], new ParityRules(["alerts.id"], []));

        Assert.Equal("violations.id", Assert.Single(differences).Field);
    }

    [Fact]
    public void Compare_TheSameRowTwiceOnOneSide_IsNotCancelledByOneRow()
    {
        var differences = WriteSetComparer.Compare(
            [Write(1, "rollups", "insert", "{}", """{"n":1}"""), Write(2, "rollups", "insert", "{}", """{"n":1}""")],
            [Write(1, "rollups", "insert", "{}", """{"n":1}""")], NoRules);

        Assert.Equal("rollups.insert[0]", Assert.Single(differences).Path);
    }

    [Fact]
    public void Fold_InsertThenUpdate_IsOneInsertOfTheLastImage_AndEqualsOneUpsert()
    {
        var twoSteps = new[]
        {
            Write(1, "idempotency_keys", "insert", """{"key":"k"}""", """{"key":"k","ids":null}"""),
            Write(2, "idempotency_keys", "update", """{"key":"k"}""", """{"key":"k","ids":[1]}"""),
        };

        var net = Assert.Single(WriteSetComparer.Fold(twoSteps));
        Assert.Equal(("insert", """{"key":"k","ids":[1]}"""), (net.Operation, net.Row.ToJsonString()));
        Assert.Empty(WriteSetComparer.Compare(twoSteps,
            [Write(1, "idempotency_keys", "insert", """{"key":"k"}""", """{"key":"k","ids":[1]}""")], NoRules));
    }

    [Theory]
    [InlineData("insert", "delete", null)]
    [InlineData("update", "delete", "delete")]
    [InlineData("update", "update", "update")]
    [InlineData("delete", "insert", "update")]
    public void Fold_TwoEventsOfOneRow_GiveTheirNetEffect(string first, string second, string? expected)
    {
        var net = WriteSetComparer.Fold([Write(1, "t", first, """{"id":1}""", """{"id":1,"v":1}"""),
            Write(2, "t", second, """{"id":1}""", """{"id":1,"v":2}""")]);

        Assert.Equal(expected, net.SingleOrDefault()?.Operation);
    }

    private static CapturedWrite Insert(long sequence, string table, string row) =>
        Write(sequence, table, WriteOperations.Insert, "{}", row);

    private static CapturedWrite Write(long sequence, string table, string operation, string key, string row) =>
        new(sequence, table, operation, key, row);
}
