using System.Collections;
using Alba;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.OpenApi;

/// <summary>The document is good enough to build a working typed client from, not merely valid.</summary>
public sealed class GeneratedClientTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_client_generated_from_the_document_compiles_and_reads_with_typed_results()
    {
        var (assembly, client) = await BuildClientAsync();

        object entry = await client.GetAuthorityAsync("bradford");
        entry.GetType().Name.ShouldBe("AuthorityEntry");
        ((string)((dynamic)entry).Name).ShouldBe("Bradford");
        ((string)((dynamic)entry).DfeCode).ShouldBe("380");
        assembly.GetType($"{GeneratedClient.Namespace}.InspectionInput")!.GetProperty("ReportReference")!
            .PropertyType.ShouldBe(typeof(string));
    }

    [Fact]
    public async Task The_generated_client_records_an_inspection_and_reads_it_back()
    {
        var (assembly, client) = await BuildClientAsync();
        // A nullable enum property must come out as a nullable enum, not an empty class that cannot carry a value.
        var inputType = assembly.GetType($"{GeneratedClient.Namespace}.InspectionInput")!;
        var framework = Nullable.GetUnderlyingType(inputType.GetProperty("Framework")!.PropertyType);
        framework.ShouldNotBeNull("InspectionInput.Framework is not a nullable enum");
        framework.IsEnum.ShouldBeTrue();

        // Filled through the generated type's own (Newtonsoft) contract, as client code using it would serialise.
        var input = Newtonsoft.Json.JsonConvert.DeserializeObject("""
            {"framework":"ilacs-2023","kind":"standard","startDate":"2024-01-08","endDate":"2024-01-19",
             "publishedOn":"2024-03-01","reportReference":"https://files.ofsted.gov.uk/v1/file/50000001",
             "grades":{"overall":"good","impact_of_leaders":"good","help_and_protection":"good",
                       "children_in_care":"requires_improvement","care_leavers":"good"}}
            """, inputType)!;
        object written = await client.RecordInspectionAsync("380", (dynamic)input);
        var factId = (string)((dynamic)written).FactId;
        ((string)((dynamic)written).Status).ShouldBe("recorded");
        factId.ShouldStartWith("r-");

        object history = await client.GetFactAsync("bradford", factId);
        var events = ((IEnumerable)history).Cast<dynamic>().Select(e => (string)e.Type).ToList();
        events.ShouldBe(["inspection_recorded"]);
    }

    private async Task<(System.Reflection.Assembly Assembly, dynamic Client)> BuildClientAsync()
    {
        var json = await (await Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsTextAsync();
        var assembly = await GeneratedClient.BuildAsync(json);
        // Disposed with the test host; the generated client does not own it.
        var http = Fixture.CreateClient();
        var type = assembly.GetType($"{GeneratedClient.Namespace}.{GeneratedClient.ClassName}")!;
        return (assembly, Activator.CreateInstance(type, http)!);
    }
}
