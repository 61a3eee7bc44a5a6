using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;

namespace CameraMonitor.Api.OperatorConsole;

/// <summary>
/// The operator console's files (HTML, CSS, ES modules), embedded in the API assembly under the logical name
/// "console/&lt;file&gt;" (see the csproj), read once with their content type and a content hash for the ETag.
/// Embedding keeps the console independent of the content root: the service serves the exact files it was built with.
/// </summary>
public sealed class ConsoleAssets
{
    public const string ResourcePrefix = "console/";

    private readonly FrozenDictionary<string, ConsoleAsset> assets;

    public ConsoleAssets()
        : this(typeof(ConsoleAssets).Assembly)
    {
    }

    public ConsoleAssets(Assembly assembly)
    {
        var types = new FileExtensionContentTypeProvider();
        var loaded = new Dictionary<string, ConsoleAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var file = name[ResourcePrefix.Length..].Replace('\\', '/');
            var contentType = types.TryGetContentType(file, out var known) ? known : "application/octet-stream";
            if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.EndsWith("javascript", StringComparison.Ordinal))
            {
                contentType += "; charset=utf-8";
            }

            loaded[file] = new ConsoleAsset(file, contentType, content, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"");
        }

        assets = loaded.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<string> Files => assets.Keys;

    public ConsoleAsset? Find(string file) => assets.GetValueOrDefault(file);
}
