namespace CameraMonitor.Api.IntegrationTests.Contract;

/// <summary>An exchange the served OpenAPI document does not allow.</summary>
public sealed class ContractViolationException(string message) : Exception(message);
