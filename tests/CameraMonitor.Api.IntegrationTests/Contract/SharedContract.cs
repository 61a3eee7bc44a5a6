using Microsoft.AspNetCore.Mvc.Testing;

namespace CameraMonitor.Api.IntegrationTests.Contract;

/// <summary>
/// The served document, read once per test process: every test host serves the same one, and compiling its schemas
/// once keeps the validation cheap.
/// </summary>
public static class SharedContract
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static OpenApiContract? _contract;

    public static async Task<OpenApiContract> Of(WebApplicationFactory<Program> factory, string apiKey)
    {
        if (_contract is { } loaded)
        {
            return loaded;
        }

        await Gate.WaitAsync();
        try
        {
            if (_contract is null)
            {
                using var client = factory.CreateClient();
                client.DefaultRequestHeaders.Remove(Infrastructure.AuthenticatedApiFactory.ApiKeyHeader);
                client.DefaultRequestHeaders.Add(Infrastructure.AuthenticatedApiFactory.ApiKeyHeader, apiKey);
                _contract = new OpenApiContract(await client.GetStringAsync("/openapi/v1.json"));
            }

            return _contract;
        }
        finally
        {
            Gate.Release();
        }
    }
}
