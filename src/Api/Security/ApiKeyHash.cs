using System.Security.Cryptography;
using System.Text;

namespace CameraMonitor.Api.Security;

/// <summary>The SHA-256 of an API key, as stored in Auth:ApiKeys:&lt;i&gt;:KeyHash (hex).</summary>
public static class ApiKeyHash
{
    public const string CommandName = "hash-key";

    public static byte[] Of(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string HexOf(string key) => Convert.ToHexStringLower(Of(key));

    /// <summary>
    /// `dotnet run --project src/Api -- hash-key KEY` prints the hash and returns true, before any host (and so
    /// any database) is built.
    /// </summary>
    public static bool TryRunCommand(string[] args, TextWriter output)
    {
        if (args.Length == 0 || args[0] != CommandName)
        {
            return false;
        }

        output.WriteLine(args.Length == 2 && args[1].Length > 0
            ? HexOf(args[1])
            : $"usage: {CommandName} <key>   (prints the SHA-256 to put in Auth:ApiKeys:<i>:KeyHash)");
        return true;
    }
}
