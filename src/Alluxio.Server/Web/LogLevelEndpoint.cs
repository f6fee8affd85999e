using Alluxio.Server.Logging;
using Alluxio.Server.Web.Models;

namespace Alluxio.Server.Web;

/// <summary>POST logLevel?logName=&amp;level=: reads, or sets then reads, a logger's level, answering as Alluxio's LogInfo.</summary>
internal static class LogLevelEndpoint
{
    public static IResult Handle(string? logName, string? level, LogLevels levels)
    {
        if (string.IsNullOrWhiteSpace(logName))
        {
            return WebJson.Ok(new LogInfo(null, null, "Please specify a correct logName."));
        }

        var message = "";
        if (!string.IsNullOrEmpty(level))
        {
            if (LogLevels.Parse(level) is not { } parsed)
            {
                return WebJson.Ok(new LogInfo(logName, LogLevels.Name(levels.EffectiveLevel(logName)), $"Bad level : {level}"));
            }

            levels.Set(logName, parsed);
            message = $"Setting Level to {level}";
        }

        return WebJson.Ok(new LogInfo(logName, LogLevels.Name(levels.EffectiveLevel(logName)), message));
    }
}
