namespace CameraMonitor.Application.Common.Messaging;

/// <summary>Non-generic handle on <see cref="ICommand{TResponse}"/> for behaviors that only need to know "this writes".</summary>
public interface ICommandMarker;
