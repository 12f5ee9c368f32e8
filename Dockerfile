# Tracker Host image. Build from the repository root: docker build -t tracker .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore from the project and props files alone, so this layer (and its packages) is reused until one of them changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Domain/Tracker.Domain.csproj src/Domain/
COPY src/Projections/Tracker.Projections.csproj src/Projections/
COPY src/Host/Tracker.Host.csproj src/Host/
RUN dotnet restore src/Host/Tracker.Host.csproj
COPY src/ src/
COPY data/ data/
# Production loads pre-generated Wolverine code (TypeLoadMode.Static): generate it before publishing.
# codegen needs no database (Program.cs starts none for it); the placeholder keeps Marten's configuration complete.
RUN ConnectionStrings__Marten="Host=unused" \
    dotnet run --no-restore --project src/Host/Tracker.Host.csproj -c Release -- codegen write
RUN dotnet publish src/Host/Tracker.Host.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
# The aspnet images ship a non-root "app" account (APP_UID, 1654); the Host writes nothing under /app.
USER $APP_UID
# The runtime image has no curl or wget: the Host's own probe GETs /health/live (liveness never touches the database).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["dotnet", "/app/Tracker.Host.dll", "healthcheck", "http://127.0.0.1:8080/health/live"]
ENTRYPOINT ["dotnet", "Tracker.Host.dll"]
