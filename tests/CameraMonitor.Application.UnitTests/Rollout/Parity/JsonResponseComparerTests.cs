using System.Text.Json.Nodes;
using CameraMonitor.Application.Rollout.Parity;

namespace CameraMonitor.Application.UnitTests.Rollout.Parity;

public sealed class JsonResponseComparerTests
{
    private static readonly ParityRules NoRules = new([], []);

    [Fact]
    public void Compare_WhenOneNestedFieldDiffers_NamesItsPathAndBothValues()
    {
        var differences = Compare("""{"items":[{"id":1,"name":"a"},{"id":2,"name":"b"}],"total":2}""",
            """{"items":[{"id":1,"name":"a"},{"id":2,"name":"B"}],"total":2}""", NoRules);

        var difference = Assert.Single(differences);
        Assert.Equal("items[1].name", difference.Path);
        Assert.Equal("items[*].name", difference.Field);
        Assert.Equal("\"b\"", difference.Left);
        Assert.Equal("\"B\"", difference.Right);
    }

    [Fact]
    public void Compare_AMissingFieldAndATypeChange_AreDifferences()
    {
        var differences = Compare("""{"a":1,"b":"1"}""", """{"b":1,"c":null}""", NoRules);

        Assert.Equal(["a", "b", "c"], differences.Select(d => d.Path).Order());
    }

    [Theory]
    [InlineData("uptime")]
    [InlineData("items[*].uptime")]
    public void Compare_IgnoredFields_AreSkipped(string rule)
    {
        var differences = Compare("""{"items":[{"uptime":1}]}""", """{"items":[{"uptime":2}]}""", new ParityRules([rule], []));

        Assert.Empty(differences);
    }

    [Fact]
    public void Compare_ArraysAreComparedByPosition_UnlessConfiguredAsSets()
    {
        const string left = """{"tags":["x","y"]}""";
        const string right = """{"tags":["y","x"]}""";

        Assert.Equal(2, Compare(left, right, NoRules).Count);
        Assert.Empty(Compare(left, right, new ParityRules([], ["tags"])));
    }

    [Fact]
    public void Compare_IdenticalDocuments_HaveNoDifference() =>
        Assert.Empty(Compare("""{"a":[1,{"b":null}],"c":1.5}""", """{"a":[1,{"b":null}],"c":1.5}""", NoRules));

    private static IReadOnlyList<FieldDifference> Compare(string left, string right, ParityRules rules) =>
        JsonResponseComparer.Compare(JsonNode.Parse(left), JsonNode.Parse(right), rules);
}
