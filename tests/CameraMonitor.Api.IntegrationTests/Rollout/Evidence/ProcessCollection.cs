namespace CameraMonitor.Api.IntegrationTests.Rollout.Evidence;

/// <summary>
/// Tests that start real API processes run alone, after the parallel classes: three processes and their connection
/// pools must not compete with the rest of the suite for the test server's connections (max_connections 100).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "Real API processes";
}
