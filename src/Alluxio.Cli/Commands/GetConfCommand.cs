using System.CommandLine;
using System.Globalization;
using Alluxio.Configuration;

namespace Alluxio.Cli.Commands;

/// <summary>
/// alluxio getConf [--source] [--unit U] [key]: prints every property (key=value, sorted) or one value. Credentials
/// print as ******. As in Alluxio, an unknown key or unit exits 1 and an unset key prints an empty line. With
/// --source, one key prints "value (source)" where Alluxio prints the source alone.
/// </summary>
internal static class GetConfCommand
{
    private const string NoValue = "(no value set)";

    public static Command Create(CliContext context)
    {
        var source = new Option<bool>("--source")
        {
            Description = "Print where each value comes from (DEFAULT, SITE_PROPERTY (file), SYSTEM_PROPERTY, ...).",
        };
        var unit = new Option<string?>("--unit")
        {
            Description = "Convert the value to this unit: B, KB, MB, GB, TB, PB for sizes; MS, S, M, H, D for durations.",
            HelpName = "U",
        };
        var key = new Argument<string?>("key")
        {
            Description = "The property to print; every property when omitted.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("getConf", "Print the configured value of a property, or of all properties.")
        {
            source,
            unit,
            key,
        };
        command.SetAction(parseResult =>
        {
            var name = parseResult.GetValue(key);
            return name is null
                ? PrintAll(context, parseResult.GetValue(source))
                : PrintOne(context, name, parseResult.GetValue(source), parseResult.GetValue(unit));
        });
        return command;
    }

    private static int PrintAll(CliContext context, bool withSource)
    {
        foreach (var (key, value, source) in ConfigurationDisplay.Entries(context.Configuration))
        {
            var line = $"{key.Name}={value ?? NoValue}";
            context.Out.WriteLine(withSource ? $"{line} ({source})" : line);
        }

        return ExitCodes.Success;
    }

    private static int PrintOne(CliContext context, string name, bool withSource, string? unit)
    {
        var key = PropertyKeyRegistry.Global.Find(name);
        if (key is null)
        {
            context.Error.WriteLine($"{QuotedValue.Shorten(name)} is not a valid configuration key");
            return ExitCodes.Failure;
        }

        if (!string.Equals(key.Name, name, StringComparison.Ordinal))
        {
            context.Error.WriteLine($"Warning: {name}: property keys are matched ignoring case; using {key.Name}");
        }

        var configuration = context.Configuration;
        var value = ConfigurationDisplay.DisplayValue(configuration, key);
        if (value is null)
        {
            context.Out.WriteLine();
            return ExitCodes.Success;
        }

        if (withSource)
        {
            // Alluxio prints the source alone; the value beside it answers "what, and from where" in one line.
            context.Out.WriteLine($"{value} ({configuration.GetSource(key)})");
            return ExitCodes.Success;
        }

        if (unit is null)
        {
            context.Out.WriteLine(value);
            return ExitCodes.Success;
        }

        if (Convert(value, unit) is { } converted && !key.IsCredential)
        {
            context.Out.WriteLine(converted.ToString(CultureInfo.InvariantCulture));
            return ExitCodes.Success;
        }

        context.Error.WriteLine($"{unit} is not a valid unit for {key.Name}");
        return ExitCodes.Failure;
    }

    private static long? Convert(string value, string unit)
    {
        if (DataSizeFormat.TryParse(value, out var bytes) && DataSizeFormat.TryConvert(bytes, unit, out var size))
        {
            return size;
        }

        if (DurationFormat.TryParse(value, out var duration) && DurationFormat.TryConvert(duration, unit, out var time))
        {
            return time;
        }

        return null;
    }
}
