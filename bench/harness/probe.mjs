// Asks `${url}/healthz` every 100 ms until `until` (epoch ms) and prints the waits as JSON. A process of
// its own, so the load generator's work cannot delay the probe and pass for the service's.
const [url, until] = [process.argv[2], Number(process.argv[3])];
const waits = [];
while (Date.now() < until) {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(30_000) });
    await response.text();
    waits.push(performance.now() - started);
  } catch {
    waits.push(30_000);
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
process.stdout.write(JSON.stringify(waits));
