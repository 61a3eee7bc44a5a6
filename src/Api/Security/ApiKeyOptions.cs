namespace CameraMonitor.Api.Security;

/// <summary>One entry of Auth:ApiKeys: the key itself or its SHA-256 hash, who holds it, and its roles.</summary>
public sealed class ApiKeyOptions
{
    private string _key = string.Empty;
    private string _keyHash = string.Empty;
    private byte[]? _hash;

    /// <summary>The key in clear text; leave empty when <see cref="KeyHash"/> is given.</summary>
    public string Key
    {
        get => _key;
        set => (_key, _hash) = (value, null);
    }

    /// <summary>Lower- or upper-case hex SHA-256 of the key (`hash-key` prints it), so configuration holds no secret.</summary>
    public string KeyHash
    {
        get => _keyHash;
        set => (_keyHash, _hash) = (value, null);
    }

    /// <summary>Who holds the key; named in audit rows, handled_by and camera writes.</summary>
    public string Owner { get; set; } = string.Empty;

    public List<string> Roles { get; set; } = [];

    /// <summary>Where the entry came from, for start-up messages (Auth:ApiKeys:0, Admin:ApiKeys:1).</summary>
    internal string Source { get; set; } = string.Empty;

    /// <summary>
    /// The SHA-256 the presented key is compared with, worked out once per value: every request compares it with every
    /// configured key, and hashing each clear-text key again (an OpenSSL call each) cost ≈ 5 µs of every request with the
    /// five Development keys, more than the whole migration pipeline (docs/performance.md, "Hot path"). Not to be changed
    /// by the caller.
    /// </summary>
    internal byte[] Hash() => _hash ??= Key.Length > 0 ? ApiKeyHash.Of(Key) : Convert.FromHexString(KeyHash);
}
