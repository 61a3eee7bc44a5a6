using System.Net.Sockets;
using CameraMonitor.Application.Common.Faults;
using CameraMonitor.Infrastructure.Persistence;
using Npgsql;

namespace CameraMonitor.Infrastructure.IntegrationTests.Persistence;

public sealed class DatabaseFaultsTests
{
    [Theory]
    [InlineData("57P01", InfrastructureFault.ConnectionLost)] // admin_shutdown, pg_terminate_backend
    [InlineData("57P02", InfrastructureFault.ConnectionLost)] // crash_shutdown
    [InlineData("08006", InfrastructureFault.ConnectionLost)] // connection_failure
    [InlineData("57P03", InfrastructureFault.Unavailable)]    // cannot_connect_now (starting up)
    [InlineData("53300", InfrastructureFault.Unavailable)]    // too_many_connections
    [InlineData("40001", InfrastructureFault.Unavailable)]    // serialization_failure, after the in-service retries
    [InlineData("40P01", InfrastructureFault.Unavailable)]    // deadlock_detected, likewise
    [InlineData("57014", InfrastructureFault.Unavailable)]    // query_canceled (statement timeout)
    [InlineData("23505", InfrastructureFault.None)]           // unique_violation: a fault of the code or the data
    [InlineData("42P01", InfrastructureFault.None)]           // undefined_table: a bug
    public void Of_APostgresError_ClassifiesBySqlState(string sqlState, InfrastructureFault expected) =>
        Assert.Equal(expected, DatabaseFaults.Of(new PostgresException("m", "ERROR", "ERROR", sqlState)));

    [Fact]
    public void Of_APoolExhaustedOrCommandTimeout_IsUnavailable() =>
        Assert.Equal(InfrastructureFault.Unavailable,
            DatabaseFaults.Of(new NpgsqlException("The connection pool has been exhausted", new TimeoutException())));

    [Fact]
    public void Of_ABrokenStream_IsConnectionLost() =>
        Assert.Equal(InfrastructureFault.ConnectionLost,
            DatabaseFaults.Of(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));

    [Fact]
    public void Of_AWrappedFault_IsFoundInTheInnerExceptions() =>
        Assert.Equal(InfrastructureFault.CommitOutcomeUnknown, DatabaseFaults.Of(new InvalidOperationException("wrapped",
            new CommitOutcomeUnknownException(new NpgsqlException("reset", new SocketException((int)SocketError.ConnectionReset))))));

    [Fact]
    public void Of_AnOrdinaryBug_IsNone() =>
        Assert.Equal(InfrastructureFault.None, DatabaseFaults.Of(new InvalidOperationException("bug")));
}
