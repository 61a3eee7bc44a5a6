using Microsoft.AspNetCore.Mvc.Testing;

namespace CameraMonitor.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The API host whose clients send <paramref name="defaultKey"/> by default. Factories derived with
/// WithWebHostBuilder (ApiFixture.WithServices and friends) inherit this, so every client of every test host
/// is authenticated unless the test asks for an anonymous one.
/// </summary>
public sealed class AuthenticatedApiFactory(string defaultKey) : WebApplicationFactory<Program>
{
    public const string ApiKeyHeader = "X-Api-Key";

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(ApiKeyHeader, defaultKey);
    }
}
