namespace CameraMonitor.Api.Security;

/// <summary>
/// Admin:ApiKeys (one role per key, operator API only) predates Auth:ApiKeys. Its entries keep working: each
/// becomes an Auth:ApiKeys entry with the same key, owner and role, and start-up logs that it did so.
/// </summary>
public static class LegacyAdminKeys
{
    public static void Merge(AuthOptions auth, AdminSecurityOptions admin)
    {
        for (var i = 0; i < auth.ApiKeys.Count; i++)
        {
            auth.ApiKeys[i].Source = $"{AuthOptions.SectionName}:ApiKeys:{i}";
        }

        auth.ApiKeys.AddRange(admin.ApiKeys.Select((key, i) => new ApiKeyOptions
        {
            Key = key.Key,
            Owner = key.Owner,
            Roles = [key.Role],
            Source = $"{AdminSecurityOptions.SectionName}:ApiKeys:{i}",
        }));
    }

    public static void LogMapping(AdminSecurityOptions admin, ILogger logger)
    {
        if (admin.ApiKeys.Count > 0)
        {
            logger.LogWarning(
                "{Count} key(s) from Admin:ApiKeys are honoured as Auth:ApiKeys entries with the same owner and role; " +
                "move them to Auth:ApiKeys:<i>:{{KeyHash, Owner, Roles}} (see docs/security.md)", admin.ApiKeys.Count);
        }
    }
}
