namespace CameraMonitor.Application.Common.Provenance;

/// <summary>
/// Where the data of this request's answer came from and when it was read (scoped). A handler that may answer
/// from something read earlier than "now" (a snapshot) records it, so the API can say so (X-Data-Source, Age)
/// without the pipeline knowing the feature. Shadow runs (parity) set <see cref="LiveDataRequired"/>: they compare
/// data read at their own moment, never a stored answer.
/// </summary>
public sealed class ResponseProvenance
{
    public string? DataSource { get; private set; }

    /// <summary>When the answer's data was read; its age is measured from here.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>Set by shadow runs: a handler must read live data, not serve a stored answer.</summary>
    public bool LiveDataRequired { get; set; }

    /// <summary>Records the answer's source; a later record (e.g. the fallback's) replaces an earlier one.</summary>
    public void Record(string dataSource, DateTimeOffset readAt)
    {
        DataSource = dataSource;
        ReadAt = readAt;
    }

    /// <summary>Whole seconds since the data was read (RFC 9111 Age), never negative; 0 when nothing was recorded.</summary>
    public long AgeSecondsAt(DateTimeOffset now) =>
        ReadAt is { } readAt && now > readAt ? (long)Math.Floor((now - readAt).TotalSeconds) : 0;
}
