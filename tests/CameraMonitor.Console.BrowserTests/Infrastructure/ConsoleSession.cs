using Microsoft.Playwright;

namespace CameraMonitor.Console.BrowserTests.Infrastructure;

/// <summary>
/// One browser tab on the console, in its own context (its own session storage), signed in with a key. Records every
/// console error and uncaught page error, so each test can assert the console logged none.
/// </summary>
public sealed class ConsoleSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> errors = [];

    private ConsoleSession(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (errors)
                {
                    errors.Add($"console {message.Type}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add($"page error: {error}");
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (errors)
            {
                return [.. errors];
            }
        }
    }

    /// <param name="prepare">Runs on the page before it loads (e.g. routes that stand in for a newer server's answers).</param>
    public static async Task<ConsoleSession> SignInAsync(ConsoleHost host, string apiKey, int width = 1280, int height = 900,
        Func<IPage, Task>? prepare = null)
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = ColorScheme.Light,
        });
        context.SetDefaultTimeout(20_000);
        var session = new ConsoleSession(context, await context.NewPageAsync());
        if (prepare is not null)
        {
            await prepare(session.Page);
        }

        await session.Page.GotoAsync("/console");
        await session.Page.GetByLabel("API key or bearer token").FillAsync(apiKey);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("#who-name")).ToBeVisibleAsync();
        return session;
    }

    /// <summary>Finds the endpoint with the overview's filter and opens its page.</summary>
    public async Task OpenEndpointAsync(string endpoint)
    {
        await Page.GetByLabel("Find endpoint").FillAsync(endpoint);
        await Page.GetByRole(AriaRole.Link, new() { Name = endpoint, Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = endpoint, Exact = true, Level = 2 })).ToBeVisibleAsync();
        // The first poll has filled the page once the status line names the percentage.
        await Assertions.Expect(Page.Locator("#endpoint-status")).ToContainTextAsync("on domain");
    }

    /// <summary>Clicks an action, checks its dialog states the effect, fills its fields and the reason, confirms.</summary>
    public async Task RunActionAsync(string actionId, string expectedEffect, string? reason, params (string Label, string Value)[] fields)
    {
        await Page.Locator($"#action-{actionId}").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        foreach (var (label, value) in fields)
        {
            await dialog.GetByLabel(label, new() { Exact = true }).FillAsync(value);
        }

        await Assertions.Expect(dialog.Locator("#confirm-effect")).ToContainTextAsync(expectedEffect);
        if (reason is not null)
        {
            await dialog.GetByLabel("Reason (goes into the audit trail)").FillAsync(reason);
        }

        await dialog.Locator("#confirm-ok").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
