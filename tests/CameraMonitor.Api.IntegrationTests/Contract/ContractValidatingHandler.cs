using System.Net.Http.Headers;

namespace CameraMonitor.Api.IntegrationTests.Contract;

/// <summary>
/// Sits in the test clients of <see cref="Infrastructure.ApiFixture"/>: every exchange with /api/v1 is checked against
/// the document the host serves, and a violation fails the test that made the call (the client throws).
/// </summary>
public sealed class ContractValidatingHandler(Func<Task<OpenApiContract>> contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        // A compressed body is the compression test's to read; its decompressed twin is checked uncompressed.
        if (!path.StartsWith("/api/v1/", StringComparison.Ordinal) || response.Content.Headers.ContentEncoding.Count > 0)
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var responseBody = await response.Content.ReadAsStringAsync(cancellationToken);
        var problems = (await contract()).Check(request.Method.Method, path, MediaType(request.Content?.Headers),
            requestBody, response.StatusCode, MediaType(response.Content.Headers), responseBody);
        return problems.Count == 0
            ? response
            : throw new ContractViolationException(string.Join(Environment.NewLine, problems));
    }

    private static string? MediaType(HttpContentHeaders? headers) => headers?.ContentType?.MediaType;
}
