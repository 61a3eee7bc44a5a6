namespace CameraMonitor.Api.IntegrationTests.Infrastructure;

/// <summary>Files of the checkout the tests read (deploy/, src/), found from the test binaries upwards.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CameraMonitor.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CameraMonitor.sln not found above the test binaries.");
    }
}
