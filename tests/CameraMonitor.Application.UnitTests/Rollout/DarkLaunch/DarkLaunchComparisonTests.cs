using System.Text.Json.Nodes;
using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Rollout.DarkLaunch;

namespace CameraMonitor.Application.UnitTests.Rollout.DarkLaunch;

public sealed class DarkLaunchComparisonTests
{
    [Fact]
    public void Of_EqualResponsesAndRows_Matches()
    {
        var comparison = DarkLaunchComparison.Of(Outcome("""{"ok":true,"ids":[1]}""", """{"id":1}"""),
            Outcome("""{"ok":true,"ids":[1]}""", """{"id":1}"""), []);

        Assert.True(comparison.Matched);
    }

    [Fact]
    public void Of_OneIgnoreRule_CoversTheResponseFieldAndTheColumn()
    {
        var comparison = DarkLaunchComparison.Of(Outcome("""{"ok":true,"id":1}""", """{"id":1}"""),
            Outcome("""{"ok":true,"id":2}""", """{"id":2}"""), ["id"]);

        Assert.True(comparison.Matched);
    }

    [Fact]
    public void Of_DifferentResponsesButEqualRows_IsAResponseMismatchOnly()
    {
        var comparison = DarkLaunchComparison.Of(Outcome("""{"status":"confirmed"}""", """{"id":1}"""),
            Outcome("""{"status":"pending"}""", """{"id":1}"""), []);

        Assert.False(comparison.Matched);
        Assert.Equal("status", Assert.Single(comparison.ResponseDifferences).Path);
        Assert.Empty(comparison.RowDifferences);
    }

    [Fact]
    public void Of_TwoRefusalsOfTheSameKind_Match_AndOfDifferentKinds_Differ()
    {
        var conflict = DarkLaunchOutcome.Refused(new ConflictException("taken"));

        Assert.True(DarkLaunchComparison.Of(conflict, DarkLaunchOutcome.Refused(new ConflictException("taken too")), []).Matched);
        var differences = DarkLaunchComparison.Of(conflict, DarkLaunchOutcome.Refused(new NotFoundException("Camera", "x")), [])
            .ResponseDifferences;
        Assert.Equal("refused", Assert.Single(differences).Path);
    }

    private static DarkLaunchOutcome Outcome(string response, string row) =>
        new(JsonNode.Parse(response), [new CapturedWrite(1, "t", WriteOperations.Insert, "{}", row)]);
}
