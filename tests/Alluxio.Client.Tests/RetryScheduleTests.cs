using Alluxio.Client.Rpc;
using Alluxio.Configuration;

namespace Alluxio.Client.Tests;

public sealed class RetryScheduleTests
{
    [Fact]
    public void TheDefaultsAreAlluxios()
    {
        var schedule = RetrySchedule.From(AlluxioConfiguration.Defaults);

        Assert.Equal(new RetrySchedule(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(2)), schedule);
    }

    [Fact]
    public void WaitsDoubleFromTheBaseSleepUpToTheMaxSleep()
    {
        var schedule = new RetrySchedule(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(2));

        var delays = Enumerable.Range(0, 9).Select(r => schedule.NextDelay(r, TimeSpan.Zero)!.Value.TotalMilliseconds);

        Assert.Equal([50, 100, 200, 400, 800, 1600, 3000, 3000, 3000], delays);
    }

    [Fact]
    public void NoWaitReachesPastTheMaxDuration()
    {
        var schedule = new RetrySchedule(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(1), schedule.NextDelay(20, TimeSpan.FromSeconds(9)));
        Assert.Null(schedule.NextDelay(20, TimeSpan.FromSeconds(10)));
        Assert.Null(schedule.NextDelay(0, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void AVeryLateRetryDoesNotOverflow()
    {
        var schedule = new RetrySchedule(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3), TimeSpan.FromDays(1));

        Assert.Equal(TimeSpan.FromSeconds(3), schedule.NextDelay(1000, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(3), schedule.NextDelay(61, TimeSpan.Zero));
    }
}
