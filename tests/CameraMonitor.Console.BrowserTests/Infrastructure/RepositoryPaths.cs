namespace CameraMonitor.Console.BrowserTests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The checkout's docs/images folder, found from the test binaries upwards (where CameraMonitor.sln is).</summary>
    public static string DocsImages()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CameraMonitor.sln")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? throw new InvalidOperationException("CameraMonitor.sln not found above the test binaries.");
        return Directory.CreateDirectory(Path.Combine(root, "docs", "images")).FullName;
    }
}
