using CameraMonitor.Infrastructure.Persistence.Retention;

namespace CameraMonitor.Infrastructure.IntegrationTests.Persistence.Retention;

public sealed class RetentionOptionsTests
{
    [Theory]
    [InlineData(0, null, true)]    // everything kept
    [InlineData(90, null, true)]   // rollups follow the records
    [InlineData(90, 0, true)]      // rollups kept forever
    [InlineData(30, 400, true)]    // rollups kept longer
    [InlineData(90, 30, false)]    // rollups would go before the records they sum
    [InlineData(0, 30, false)]     // records kept forever, their rollups not
    [InlineData(-1, null, false)]
    public void IsValid_WhenRollupsAndRecordsAreKept_RequiresRollupsToOutliveRecords(int days, int? rollupDays, bool valid)
    {
        var options = new RetentionOptions { Days = days, RollupDays = rollupDays };

        Assert.Equal(valid, options.IsValid);
    }

    [Theory]
    [InlineData(7, 60, true)]
    [InlineData(7, 0, true)]      // maintenance off on this instance
    [InlineData(0, 60, false)]    // no partition ahead: ingest would wait on the default partition
    [InlineData(91, 60, false)]
    [InlineData(7, 1441, false)]
    public void IsValid_WhenPartitionsAheadOrIntervalVary_AcceptsOnlyTheirRanges(int aheadDays, int intervalMinutes, bool valid)
    {
        var options = new RetentionOptions { PartitionsAheadDays = aheadDays, MaintenanceIntervalMinutes = intervalMinutes };

        Assert.Equal(valid, options.IsValid);
    }
}
