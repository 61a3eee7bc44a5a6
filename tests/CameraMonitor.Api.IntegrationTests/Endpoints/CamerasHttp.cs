using System.Text;
using CameraMonitor.Testing;
using Dapper;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>Helpers for the camera tests: writes with a JSON body on a chosen path, and scalar reads of the database.</summary>
public static class CamerasHttp
{
    public const string Url = "/api/v1/cameras";

    public static string PathName(bool forceDomain) => forceDomain ? "domain" : "legacy";

    public static async Task<HttpResponseMessage> SendOnPathAsync(this HttpClient client, HttpMethod method, string url,
        string? json, bool? forceDomain)
    {
        if (forceDomain is { } force)
        {
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "force_domain=" + (force ? "true" : "false");
        }

        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    public static async Task<T> ScalarAsync<T>(this DatabaseFixture database, string sql, object? parameters = null)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException(sql);
    }
}
