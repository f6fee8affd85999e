namespace Kodo.Emulator.Host;

/// <summary>
/// Where the secret key comes from: --secret-key (visible to ps), --secret-key-file, or the environment variable,
/// in that order, else the well-known test default. Errors never include the key.
/// </summary>
internal static class SecretKeySource
{
    public const string EnvironmentVariable = "KODO_EMULATOR_SECRET_KEY";

    public const string Default = "emulator-secret-key";

    /// <summary>The key, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static string? Resolve(string? flag, string? file, Func<string, string?> environment, out string? error)
    {
        error = null;
        if (flag is not null && file is not null)
        {
            error = "give --secret-key or --secret-key-file, not both";
            return null;
        }

        if (flag is not null)
        {
            return Checked(flag, "--secret-key", out error);
        }

        if (file is not null)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                error = $"--secret-key-file: {e.Message}";
                return null;
            }

            // Files written with echo or an editor end with a newline that is not part of the key.
            return Checked(text.TrimEnd('\r', '\n'), $"--secret-key-file {file}", out error);
        }

        return environment(EnvironmentVariable) is { } fromEnvironment
            ? Checked(fromEnvironment, EnvironmentVariable, out error)
            : Default;
    }

    private static string? Checked(string key, string source, out string? error)
    {
        error = key.Length == 0 ? $"{source}: the secret key is empty" : null;
        return error is null ? key : null;
    }
}
