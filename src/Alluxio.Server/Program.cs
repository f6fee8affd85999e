using Alluxio.Server;

return await ServerApplication.RunAsync(args, Environment.GetEnvironmentVariable).ConfigureAwait(false);
