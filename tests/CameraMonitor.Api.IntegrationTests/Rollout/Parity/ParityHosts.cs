using CameraMonitor.Application.Cameras.ListCameras;
using CameraMonitor.Application.Rollout.Routing;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Infrastructure.Legacy.Cameras;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Api.IntegrationTests.Rollout.Parity;

/// <summary>Handlers of ListCameras that answer like the real ones except for one field, for parity tests.</summary>
internal static class ParityHosts
{
    /// <summary>The domain handler, but with <paramref name="alter"/> applied to every camera.</summary>
    public static IServiceCollection AlterDomain(this IServiceCollection services, Func<Application.Cameras.CameraDto, Application.Cameras.CameraDto> alter) =>
        services.AddScoped<IRequestHandler<ListCamerasQuery, ListCamerasResponse>>(p =>
            new AlteredDomain(new ListCamerasHandler(p.GetRequiredService<ICameraRepository>()), alter));

    /// <summary>The legacy handler, but with <paramref name="alter"/> applied to every camera.</summary>
    public static IServiceCollection AlterLegacy(this IServiceCollection services, Func<Application.Cameras.CameraDto, Application.Cameras.CameraDto> alter) =>
        services.AddScoped<ILegacyHandler<ListCamerasQuery, ListCamerasResponse>>(p =>
            new AlteredLegacy(ActivatorUtilities.CreateInstance<ListCamerasLegacyHandler>(p), alter));

    private static ListCamerasResponse Apply(ListCamerasResponse response, Func<Application.Cameras.CameraDto, Application.Cameras.CameraDto> alter) =>
        response with { Cameras = response.Cameras.Select(alter).ToList() };

    private sealed class AlteredDomain(ListCamerasHandler inner, Func<Application.Cameras.CameraDto, Application.Cameras.CameraDto> alter)
        : IRequestHandler<ListCamerasQuery, ListCamerasResponse>
    {
        public async Task<ListCamerasResponse> Handle(ListCamerasQuery request, CancellationToken cancellationToken) =>
            Apply(await inner.Handle(request, cancellationToken), alter);
    }

    private sealed class AlteredLegacy(ListCamerasLegacyHandler inner, Func<Application.Cameras.CameraDto, Application.Cameras.CameraDto> alter)
        : ILegacyHandler<ListCamerasQuery, ListCamerasResponse>
    {
        public async Task<ListCamerasResponse> Handle(ListCamerasQuery request, CancellationToken cancellationToken) =>
            Apply(await inner.Handle(request, cancellationToken), alter);
    }
}
