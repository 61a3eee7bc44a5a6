namespace CameraMonitor.Application.Cameras;

/// <summary>Every difference between the YAML mirror and the cameras table; <c>Consistent</c> when there is none.</summary>
/// <param name="FileProblem">Null when the file was read; otherwise why not ("missing", or the parse error).</param>
public sealed record CameraMirrorReport(
    bool Consistent,
    string? FileProblem,
    int DatabaseCount,
    int FileCount,
    IReadOnlyList<string> MissingInFile,
    IReadOnlyList<string> MissingInDatabase,
    IReadOnlyList<string> DuplicatedInFile,
    IReadOnlyList<CameraFieldDifference> Differences);
