using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CameraMonitor.Console.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CameraMonitor.Console.BrowserTests;

/// <summary>
/// The console lights up what a newer server offers (cluster evidence, plan verbs) from the server's own answers.
/// The real server's answers are fetched and extended in the browser, standing in for those servers.
/// </summary>
public sealed class FeatureDiscoveryTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private const string Admin = "/api/v1/admin/rollout";

    [Fact]
    public async Task Console_WhenMetricsNameASilentInstance_FlagsItOnTheOverviewAndTheEndpointPage()
    {
        await using var session = await ConsoleSession.SignInAsync(host, ConsoleHost.ReaderKey, prepare: page =>
            page.RouteAsync("**/api/v1/admin/rollout/metrics**", async route =>
            {
                await using var real = await route.FetchAsync();
                var report = JsonNode.Parse(await real.TextAsync())!.AsObject();
                report["window_from"] = DateTime.UtcNow.AddMinutes(-15).ToString("O");
                report["window_to"] = DateTime.UtcNow.ToString("O");
                report["instances"] = Instances();
                foreach (var endpoint in report["endpoints"]!.AsArray())
                {
                    endpoint!["instances"] = Instances();
                }

                await route.FulfillAsync(new() { Response = real, Body = report.ToJsonString() });
            }));

        var row = session.Page.Locator("tr[data-endpoint='ListCameras']");
        await Expect(row).ToContainTextAsync("1 silent");
        await Expect(session.Page.Locator("#overview-summary")).ToContainTextAsync("2 instance(s) reporting, 1 silent");
        await session.OpenEndpointAsync("ListCameras");
        await Expect(session.Page.Locator("#instances-table")).ToContainTextAsync("instance-b");
        await Expect(session.Page.Locator("#instances-table")).ToContainTextAsync("silent: not health");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task PauseVerb_WhenTheServerOffersIt_IsEnabledForAnActivePlanAndPostsTheReason()
    {
        using var client = host.CreateClient();
        (await client.PostAsJsonAsync($"{Admin}/endpoints/GetEventHistory/plan",
            new { steps = new[] { 5, 100 }, observation_seconds = 600, reason = "arrange" })).EnsureSuccessStatusCode();
        var posted = new List<string>();
        await using var session = await ConsoleSession.SignInAsync(host, ConsoleHost.OperatorKey, prepare: async page =>
        {
            await page.RouteAsync("**/openapi/v1.json", async route =>
            {
                await using var real = await route.FetchAsync();
                var document = JsonNode.Parse(await real.TextAsync())!.AsObject();
                document["paths"]![$"{Admin}/endpoints/{{name}}/plan/pause"] = new JsonObject { ["post"] = new JsonObject() };
                await route.FulfillAsync(new() { Response = real, Body = document.ToJsonString() });
            });
            await page.RouteAsync("**/plan/pause**", async route =>
            {
                posted.Add($"{route.Request.Method} {route.Request.Url} {route.Request.PostData}");
                await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = "{}" });
            });
        });
        await session.OpenEndpointAsync("GetEventHistory");

        await Expect(session.Page.Locator("#action-plan-pause")).ToBeEnabledAsync();
        await Expect(session.Page.Locator("#action-plan-resume")).ToBeDisabledAsync();
        // The real server also offers abort (behind its templated …/plan/{verb} route), so it is enabled beside pause.
        await Expect(session.Page.Locator("#action-plan-abort")).ToBeEnabledAsync();
        await session.RunActionAsync("plan-pause", "the percentage stays at 5 %", "hold while we look at the diffs");

        var call = Assert.Single(posted);
        Assert.StartsWith($"POST {host.BaseAddress.ToString().TrimEnd('/')}{Admin}/endpoints/GetEventHistory/plan/pause?reason=hold", call, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"hold while we look at the diffs\"", call, StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    private static JsonArray Instances() =>
    [
        new JsonObject { ["instance_id"] = "instance-a", ["last_report_at"] = DateTime.UtcNow.ToString("O"), ["silent"] = false, ["requests"] = 40, ["failures"] = 0 },
        new JsonObject { ["instance_id"] = "instance-b", ["last_report_at"] = DateTime.UtcNow.AddMinutes(-3).ToString("O"), ["silent"] = true, ["requests"] = 12, ["failures"] = 0 },
    ];
}
