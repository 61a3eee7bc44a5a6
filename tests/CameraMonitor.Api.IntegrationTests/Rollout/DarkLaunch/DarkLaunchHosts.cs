using CameraMonitor.Application.Cameras;
using CameraMonitor.Application.Cameras.CreateCamera;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using Dapper;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Api.IntegrationTests.Rollout.DarkLaunch;

/// <summary>Replacements that make one implementation of CreateCamera misbehave, for the dark-launch tests.</summary>
internal static class DarkLaunchHosts
{
    /// <summary>The domain path stores the camera, then writes a different location than it answers with.</summary>
    public static IServiceCollection DomainWritesAnotherLocation(this IServiceCollection services) =>
        services.AddScoped<ICameraRepository>(p =>
            new RelocatingRepository(ActivatorUtilities.CreateInstance<CameraRepository>(p), p.GetRequiredService<IDbSession>()));

    /// <summary>The domain handler of CreateCamera runs <paramref name="handle"/> instead.</summary>
    public static IServiceCollection DomainCreateCamera(this IServiceCollection services,
        Func<CancellationToken, Task<CameraWriteResponse>> handle) =>
        services.AddScoped<IRequestHandler<CreateCameraCommand, CameraWriteResponse>>(_ => new ReplacedHandler(handle));

    private sealed class RelocatingRepository(CameraRepository inner, IDbSession session) : ICameraRepository
    {
        public Task<IReadOnlyList<Camera>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

        public Task<Camera?> FindAsync(CameraId id, CancellationToken cancellationToken) => inner.FindAsync(id, cancellationToken);

        public Task<IReadOnlySet<string>> FindMissingAsync(IReadOnlyCollection<CameraId> ids, CancellationToken cancellationToken) =>
            inner.FindMissingAsync(ids, cancellationToken);

        public async Task AddAsync(Camera camera, CancellationToken cancellationToken)
        {
            await inner.AddAsync(camera, cancellationToken);
            var connection = await session.ConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("UPDATE cameras SET location = 'somewhere else' WHERE id = @Id",
                new { Id = camera.Id.Value }, session.Transaction, cancellationToken: cancellationToken));
        }

        public Task<bool> UpdateAsync(Camera camera, bool onlyIfUnchanged, CancellationToken cancellationToken) =>
            inner.UpdateAsync(camera, onlyIfUnchanged, cancellationToken);

        public Task<bool> DeleteAsync(CameraId id, CancellationToken cancellationToken) => inner.DeleteAsync(id, cancellationToken);
    }

    private sealed class ReplacedHandler(Func<CancellationToken, Task<CameraWriteResponse>> handle)
        : IRequestHandler<CreateCameraCommand, CameraWriteResponse>
    {
        public Task<CameraWriteResponse> Handle(CreateCameraCommand request, CancellationToken cancellationToken) =>
            handle(cancellationToken);
    }
}
