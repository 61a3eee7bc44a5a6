namespace CameraMonitor.Console.BrowserTests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>Set to 1 to refresh the committed screenshots in docs/images.</summary>
    public const string UpdateScreenshotsVariable = "UPDATE_CONSOLE_SCREENSHOTS";

    /// <summary>
    /// Where the screenshot test writes: the checkout's docs/images when <see cref="UpdateScreenshotsVariable"/> is 1
    /// (so an ordinary test run leaves the committed images alone), else a folder beside the test binaries.
    /// </summary>
    public static string ScreenshotFolder() => Environment.GetEnvironmentVariable(UpdateScreenshotsVariable) == "1"
        ? DocsImages()
        : Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

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
