using CameraMonitor.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace CameraMonitor.Api.Hosting;

/// <summary>
/// Everything that can refuse a start, checked before the database is touched (no migration, no write): the
/// Production database requirement and every options validation registered with ValidateOnStart (which the host
/// would otherwise only run after our migrations, when it starts).
/// </summary>
public static class StartupChecks
{
    public const string ConnectionStringKey = "ConnectionStrings:" + PersistenceOptions.ConnectionStringName;

    /// <summary>
    /// True when this is the service's own process (dotnet CameraMonitor.Api.dll), where a refusal is a line on stderr
    /// and exit code 1. In-process hosts (WebApplicationFactory) get the <see cref="StartupRefusedException"/> instead,
    /// since an entry point that returns early only tells them "the server has not been started".
    /// </summary>
    public static bool RunsAsItsOwnProcess => System.Reflection.Assembly.GetEntryAssembly() == typeof(StartupChecks).Assembly;

    /// <summary>Throws <see cref="StartupRefusedException"/> with one line saying why the service must not start.</summary>
    public static void EnsureStartable(WebApplication app)
    {
        if (Refusal(app) is { } reason)
        {
            throw new StartupRefusedException(reason);
        }
    }

    /// <summary>One line saying why the service must not start, or null.</summary>
    public static string? Refusal(WebApplication app)
    {
        if (app.Environment.IsProduction() && string.IsNullOrWhiteSpace(app.Configuration[ConnectionStringKey]))
        {
            return $"{ConnectionStringKey} (ConnectionStrings__Postgres) is not set; in Production the service needs a real " +
                   "database (the embedded PostgreSQL is only for Development and tests).";
        }

        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (OptionsValidationException invalid)
        {
            return OneLine(string.Join("; ", invalid.Failures));
        }
        catch (AggregateException invalid) when (invalid.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return OneLine(string.Join("; ", invalid.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)));
        }
    }

    public static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
