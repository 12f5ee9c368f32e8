using Tracker.Host.Security;

namespace Tracker.IntegrationTests.Security;

/// <summary>The written-down rule: reads need reader, other methods writer, admin areas admin.</summary>
public sealed class EndpointRolesTests
{
    [Theory]
    [InlineData("GET", "/api/authorities/{authority}", Role.Reader)]
    [InlineData("HEAD", "/api/authorities", Role.Reader)]
    [InlineData("POST", "/api/authorities/{authority}/inspections", Role.Writer)]
    [InlineData("PUT", "/api/authorities/{authority}/anything", Role.Writer)]
    [InlineData("DELETE", "/api/authorities/{authority}/anything", Role.Writer)]
    [InlineData("POST", "/api/imports", Role.Writer)]
    [InlineData("GET", "/api/subscriptions", Role.Admin)]
    [InlineData("POST", "/api/subscriptions/{id}", Role.Admin)]
    [InlineData("GET", "/api/admin/dead-letters", Role.Admin)]
    [InlineData("POST", "/api/projections/{name}/rebuild", Role.Admin)]
    [InlineData("GET", "/api/keys", Role.Admin)]
    public void The_role_an_endpoint_needs_follows_its_method_and_path(string method, string path, Role expected) =>
        EndpointRoles.For([method], path).ShouldBe(expected);

    [Fact]
    public void Roles_include_the_ones_below_them()
    {
        var admin = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new("role", "admin")], "test", "name", "role"));
        Roles.Has(admin, Role.Reader).ShouldBeTrue();
        Roles.Has(admin, Role.Writer).ShouldBeTrue();
        var reader = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new("role", "reader")], "test", "name", "role"));
        Roles.Has(reader, Role.Writer).ShouldBeFalse();
    }
}
