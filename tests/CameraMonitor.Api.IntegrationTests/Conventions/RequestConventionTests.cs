using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Application.Common.Messaging;
using CameraMonitor.Application.Rollout.Routing;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Api.IntegrationTests.Conventions;

/// <summary>Every endpoint request can be served by both paths and is validated before routing.</summary>
public sealed class RequestConventionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<Type> RoutedRequests()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(ICommandMarker).Assembly.GetTypes().Where(EndpointCatalog.IsRoutedRequest))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoutedRequests))]
    public void EveryRoutedRequest_HasADomainHandlerALegacyHandlerAndAValidator(Type requestType)
    {
        var responseType = requestType.GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
            .GetGenericArguments()[0];
        using var scope = api.Factory.Services.CreateScope();

        Assert.NotNull(scope.ServiceProvider.GetService(typeof(IRequestHandler<,>).MakeGenericType(requestType, responseType)));
        Assert.NotNull(scope.ServiceProvider.GetService(typeof(ILegacyHandler<,>).MakeGenericType(requestType, responseType)));
        Assert.NotNull(scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(requestType)));
    }

    [Fact]
    public void EveryAdminRoute_RequiresAnAuthorizationPolicy()
    {
        var adminRoutes = api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1/admin", StringComparison.Ordinal) == true)
            .ToList();

        Assert.NotEmpty(adminRoutes);
        Assert.All(adminRoutes, route => Assert.Contains(route.Metadata,
            m => m is IAuthorizeData { Policy: not null }));
    }

    [Fact]
    public void RoutedRequests_AreFound() => Assert.NotEmpty(RoutedRequests());

    [Fact]
    public void Domain_ReferencesNoOtherProject()
    {
        var references = typeof(CameraMonitor.Domain.Cameras.Camera).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("CameraMonitor", StringComparison.Ordinal));

        Assert.Empty(references);
    }

    [Fact]
    public void Application_DoesNotReferenceInfrastructureOrApi()
    {
        var references = typeof(ICommandMarker).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain("CameraMonitor.Infrastructure", references);
        Assert.DoesNotContain("CameraMonitor.Api", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Npgsql", StringComparison.Ordinal));
    }
}
