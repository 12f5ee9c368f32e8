# Tracker Host image. Build from the repository root: docker build -t tracker .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Tracker.sln ./
COPY src/ src/
COPY data/ data/
# Production loads pre-generated Wolverine code (TypeLoadMode.Static): generate it before publishing.
# codegen needs a connection string in configuration, but no database.
RUN ConnectionStrings__Marten="Host=unused" dotnet run --project src/Host/Tracker.Host.csproj -c Release -- codegen write
RUN dotnet publish src/Host/Tracker.Host.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Tracker.Host.dll"]
