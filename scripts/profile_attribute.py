"""Per-route CPU from `perf script -F ip,sym` stacks of alternating requests (called by scripts/profile_hotpath.sh).

usage: profile_attribute.py STACKS REQUESTS HZ CONNECTIONS
"""
import collections
import re
import sys

PIPELINED_ENDPOINT = "StatisticsEndpoints+<GetStatisticsSummary>"
BARE_ENDPOINT = "BenchmarkEndpoints+<GetBareStatisticsSummary>"
MEDIATOR = "RequestPipeline`2"
# The handler and its resolution from the request's scope: the bare route does both too, so they are not the pipeline's.
# For a query, what the routing's domain attempt calls (RolloutBehavior.Attempt → next) is that resolution and the handler.
ATTEMPT = "RolloutBehavior`2[System.__Canon,System.__Canon]::Attempt("
HANDLER = re.compile(r"GetStatisticsSummaryHandler|StatisticsReadModel|StatisticsSnapshots|DependencyInjection\+<>c::<AddInfrastructure>")
DELEGATE = re.compile(r"lambda_method\d+\(")
# After an await (with SQL, most of a request) the generated delegate is no longer on the stack: the code that runs when
# PostgreSQL answers is called by the awaited code's completion, innermost first (the handler finishing, then the
# routing's continuation, the endpoint method's, the response's). A sample there belongs to a route when a frame only
# that route runs is on its stack: its endpoint method's state machine, or (pipelined) a frame of the pipeline itself.
ROUTE_FRAMES = {
    "pipelined": re.compile("|".join([re.escape(PIPELINED_ENDPOINT), re.escape(MEDIATOR), "PipelineMediator",
                                      "RolloutBehavior`2", "ValidationBehavior`2", "RoutedEndpoint`2"])),
    "bare": re.compile(re.escape(BARE_ENDPOINT)),
}

path, requests, hz, connections = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
per_route = requests / 2
us_per_sample = 1e6 / hz


def stacks():
    frames = []
    for line in open(path, errors="replace"):
        if not line.strip():
            if frames:
                yield frames
            frames = []
        else:
            parts = line.strip().split(" ", 1)
            frames.append(parts[1] if len(parts) > 1 else "?")
    if frames:
        yield frames


def readable(frame):
    """Type.Method of a JIT-compiled frame ("RolloutBehavior`2.Route"), else the frame as perf names it."""
    match = re.search(r"([^\s\]]+)(?:\[[^\]]*\])?::([^\s(]+)\(", frame)
    if not match:
        return frame[:100]
    return f"{match.group(1).rsplit('.', 1)[-1]}.{match.group(2)}"


def innermost_own(frames):
    """The innermost frame of our own code (or OpenTelemetry's) that the sample ran in or under."""
    return readable(next((f for f in frames if "CameraMonitor" in f or "OpenTelemetry" in f), frames[0]))


# Which generated request delegates belong to which route: the ones seen above that route's endpoint method.
seen_with = collections.defaultdict(collections.Counter)
all_stacks = list(stacks())
for frames in all_stacks:
    joined = "\n".join(frames)
    route = "pipelined" if PIPELINED_ENDPOINT in joined else "bare" if BARE_ENDPOINT in joined else None
    if route:
        for delegate in set(DELEGATE.findall(joined)):
            seen_with[delegate][route] += 1
owner = {}
for delegate, routes in seen_with.items():
    for route, other in (("pipelined", "bare"), ("bare", "pipelined")):
        if routes[route] >= 20 and routes[route] > 20 * routes[other]:
            owner[delegate] = route

under = collections.Counter()
whole = collections.Counter()
continued = {"pipelined": collections.Counter(), "bare": collections.Counter()}
pipeline_frames = collections.Counter()
for frames in all_stacks:
    joined = "\n".join(frames)
    delegates = DELEGATE.findall(joined)
    routes = {owner[d] for d in delegates if d in owner}
    followed = routes | {route for route, pattern in ROUTE_FRAMES.items() if pattern.search(joined)}
    if len(followed) == 1:
        route = next(iter(followed))
        whole[route] += 1
        if not delegates:
            continued[route][innermost_own(frames)] += 1
    if len(routes) != 1:
        continue
    route = routes.pop()
    under[route] += 1
    inside_attempt = any(ATTEMPT in f for f in frames[1:])
    if (route == "pipelined" and any(MEDIATOR in f for f in frames) and not inside_attempt
            and not any(HANDLER.search(f) for f in frames)):
        pipeline_frames[innermost_own(frames)] += 1

total = len(all_stacks) * us_per_sample / requests
print(f"### {connections} connection(s): {requests} requests, {len(all_stacks)} samples at {hz} Hz "
      f"({total:.1f} µs of API CPU per request, every thread)")
print()


def print_routes(heading, samples):
    """Per route CPU µs per request from its sample count, and the difference."""
    cost = {route: samples[route] * us_per_sample / per_route for route in ("pipelined", "bare")}
    print(f"| route | {heading} |")
    print("|---|---:|")
    print(f"| pipelined | {cost['pipelined']:.2f} |")
    print(f"| bare | {cost['bare']:.2f} |")
    print(f"| **difference** | **{cost['pipelined'] - cost['bare']:+.2f}** ({(cost['pipelined'] - cost['bare']) / total * 100:.1f} % "
          "of a request's CPU) |")
    print()


print_routes("CPU µs per request under its request delegate", under)
print("Following the continuations too (a sample counts for a route when its delegate, its endpoint method's state machine "
      "or, for the pipelined route, a frame of the pipeline is on the stack; with SQL, what runs after PostgreSQL answers):")
print()
print_routes("CPU µs per request, continuations included", whole)
print("The pipeline's own frames (under the mediator, without the handler and its resolution), µs per request:")
print()
for frame, samples in pipeline_frames.most_common(12):
    print(f"- {samples * us_per_sample / per_route:.3f} `{frame}`")
print()
for route in ("pipelined", "bare"):
    print(f"After an await, the {route} route's samples by the innermost frame of our own code, µs per request:")
    print()
    for frame, samples in continued[route].most_common(8):
        print(f"- {samples * us_per_sample / per_route:.3f} `{frame}`")
    print()
