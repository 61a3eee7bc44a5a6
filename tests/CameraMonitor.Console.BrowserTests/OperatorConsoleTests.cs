using System.Net.Http.Json;
using CameraMonitor.Console.BrowserTests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CameraMonitor.Console.BrowserTests;

/// <summary>The operator console in chromium against the real API on a loopback port.</summary>
public sealed class OperatorConsoleTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private const string Admin = "/api/v1/admin/rollout";

    [Fact]
    public async Task SetPercentage_WhenOperatorConfirmsWithReason_AuditRowAppears()
    {
        await using var session = await ConsoleSession.SignInAsync(host, ConsoleHost.OperatorKey);
        await session.OpenEndpointAsync("GetCameraStats");

        await session.RunActionAsync("set-percentage", "Routes 10 % of GetCameraStats's clients to the domain path",
            "first step for the browser test", ("Domain share (%)", "10"));

        var audit = session.Page.Locator("#audit-table tbody tr").First;
        await Expect(audit).ToContainTextAsync("first step for the browser test");
        await Expect(audit).ToContainTextAsync("percentage unset → 10");
        await Expect(audit).ToContainTextAsync(ConsoleHost.OperatorOwner);
        await Expect(session.Page.Locator("#endpoint-status")).ToContainTextAsync("10 % on domain (override)");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task StartPlan_WhenTrafficFlows_StepChangesOnThePage()
    {
        using var viewer = host.CreateClient(ConsoleHost.TrafficKey);
        await using var traffic = new TrafficLoop(viewer, "/api/v1/cameras");
        await using var session = await ConsoleSession.SignInAsync(host, ConsoleHost.OperatorKey);
        await session.OpenEndpointAsync("ListCameras");

        await session.RunActionAsync("start-plan", "walks 10 → 50 %", "short plan from the browser test",
            ("Steps (%)", "10, 50"), ("Observation window per step (s)", "600"), ("Minimum domain requests per step", "1"));

        var status = session.Page.Locator("#endpoint-status");
        await Expect(status).ToContainTextAsync("1/2");

        // The window is long on purpose: a short one ends while the page is still loading on a busy machine, and the judge
        // then pauses the plan as inconclusive (a few seconds of traffic cannot give it the latencies and parity samples
        // it needs), which disables "promote now". The operator's "promote now" moves the step from the page.
        await session.RunActionAsync("plan-promote", "moves to the next step now", "enough seen for the browser test");
        await Expect(status).ToContainTextAsync("2/2", new() { Timeout = 30_000 });
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task PausePlan_OnTheRealServersVerbRoute_KeepsThePercentageAndShowsPaused()
    {
        using var client = host.CreateClient();
        (await client.PostAsJsonAsync($"{Admin}/endpoints/GetViolation/plan",
            new { steps = new[] { 20, 60 }, observation_seconds = 3600, reason = "arrange" })).EnsureSuccessStatusCode();
        await using var session = await ConsoleSession.SignInAsync(host, ConsoleHost.OperatorKey);
        await session.OpenEndpointAsync("GetViolation");

        await session.RunActionAsync("plan-pause", "the percentage stays at 20 %", "hold while we look at the parity diffs");

        await Expect(session.Page.Locator("#endpoint-status")).ToContainTextAsync("paused");
        await Expect(session.Page.Locator("#action-plan-resume")).ToBeEnabledAsync();
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Rollback_WhenConfirmedOnce_EndpointIsAtZeroAndAudited()
    {
        using var client = host.CreateClient();
        (await client.PutAsJsonAsync($"{Admin}/endpoints/ListAlertHistory", new { percentage = 50, reason = "arrange" })).EnsureSuccessStatusCode();
        await using var session = await ConsoleSession.SignInAsync(host, ConsoleHost.OperatorKey);
        await session.OpenEndpointAsync("ListAlertHistory");

        await session.RunActionAsync("rollback", "Sets ListAlertHistory to 0 % at once (now 50 %)", reason: null);

        await Expect(session.Page.Locator("#endpoint-status")).ToContainTextAsync("0 % on domain");
        await Expect(session.Page.Locator("#audit-table tbody tr").First).ToContainTextAsync("percentage 50 → 0");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Actions_WhenSignedInAsReader_AreAllDisabledSayingWhy()
    {
        await using var session = await ConsoleSession.SignInAsync(host, ConsoleHost.ReaderKey);
        await Expect(session.Page.Locator("#who")).ToContainTextAsync("read-only");
        await session.OpenEndpointAsync("ListCameras");

        var buttons = session.Page.Locator("#actions button");
        await Expect(buttons).ToHaveCountAsync(12);
        foreach (var button in await buttons.AllAsync())
        {
            await Expect(button).ToBeDisabledAsync();
            await Expect(button).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("needs the 'operator' role"));
        }

        // A click on a disabled action opens nothing.
        await session.Page.Locator("#action-rollback").ClickAsync(new() { Force = true });
        await Expect(session.Page.GetByRole(AriaRole.Dialog)).ToBeHiddenAsync();
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task AxeScan_OnOverviewEndpointPageAndDialog_FindsNoSeriousViolations()
    {
        await using var session = await ConsoleSession.SignInAsync(host, ConsoleHost.OperatorKey);
        await Expect(session.Page.Locator("table.overview tbody tr").First).ToBeVisibleAsync();
        var findings = new List<string>();
        findings.AddRange(Serious(await session.Page.RunAxe()));

        await session.OpenEndpointAsync("ListCameras");
        findings.AddRange(Serious(await session.Page.RunAxe()));

        await session.Page.Locator("#action-set-percentage").ClickAsync();
        await Expect(session.Page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await Expect(session.Page.GetByLabel("Domain share (%)")).ToBeFocusedAsync();
        findings.AddRange(Serious(await session.Page.RunAxe()));
        await session.Page.Keyboard.PressAsync("Escape");
        await Expect(session.Page.GetByRole(AriaRole.Dialog)).ToBeHiddenAsync();
        await Expect(session.Page.Locator("#action-set-percentage")).ToBeFocusedAsync();

        Assert.Empty(findings);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Console_AtPhoneWidth_KeepsThePageWithinTheScreen()
    {
        await using var session = await ConsoleSession.SignInAsync(host, ConsoleHost.ReaderKey, width: 390, height: 844);
        await Expect(session.Page.Locator("table.overview tbody tr").First).ToBeVisibleAsync();
        Assert.True(await FitsWidth(session.Page), "the overview overflows a 390 px screen");

        await session.OpenEndpointAsync("ListCameras");
        Assert.True(await FitsWidth(session.Page), "the endpoint page overflows a 390 px screen");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Screenshots_OfOverviewAndEndpointPage_AreWritten()
    {
        using var client = host.CreateClient();
        (await client.PutAsJsonAsync($"{Admin}/endpoints/ListAlertRules", new { parity_sample_rate = 100, reason = "screenshot: compare every answer" }))
            .EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{Admin}/endpoints/ListAlertRules/plan",
            new { steps = new[] { 25, 50, 100 }, observation_seconds = 600, min_requests = 5, reason = "screenshot plan" })).EnsureSuccessStatusCode();
        using var viewer = host.CreateClient(ConsoleHost.TrafficKey);
        await using var traffic = new TrafficLoop(viewer, "/api/v1/alerts/rules", "/api/v1/cameras", "/api/v1/statistics/daily?days=7");
        await using var session = await ConsoleSession.SignInAsync(host, ConsoleHost.OperatorKey);
        await Expect(session.Page.Locator("table.overview tbody tr").First).ToBeVisibleAsync();
        var images = RepositoryPaths.ScreenshotFolder();

        await session.Page.Locator("button.sort", new() { HasText = "Endpoint" }).ClickAsync();
        await session.Page.WaitForTimeoutAsync(4_000);
        await session.Page.ScreenshotAsync(new() { Path = Path.Combine(images, "console-overview.png") });

        await session.OpenEndpointAsync("ListAlertRules");
        // A dozen polls, so the charts have lines to draw.
        await Expect(session.Page.Locator("#section-charts polyline").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await session.Page.WaitForTimeoutAsync(20_000);
        await session.Page.ScreenshotAsync(new() { Path = Path.Combine(images, "console-endpoint.png") });

        Assert.True(new FileInfo(Path.Combine(images, "console-endpoint.png")).Length > 10_000);
        Assert.Empty(session.Errors);
    }

    private static IEnumerable<string> Serious(AxeResult result) => result.Violations
        .Where(v => v.Impact is "serious" or "critical")
        .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");

    private static Task<bool> FitsWidth(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
