// The floor under shell fire precision: how fast this machine can start a burst of
// "/bin/sh -c true" processes at all, with nothing but posix_spawn (POSIX_SPAWN_SETSID, as
// the node's ChildProcess does) on N threads, no Qt, no database. Prints, for each
// process, the time from the start of the burst to posix_spawn's return (the program has
// been executed), and the CPU time the burst cost (the spawning threads plus the children).
//
//   bench_spawn [COUNT=167] [THREADS=2] [ROUNDS=5]
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

namespace {

double cpuMs(int who)
{
    rusage usage{};
    ::getrusage(who, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

} // namespace

int main(int argc, char **argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 167;
    const int threads = argc > 2 ? std::atoi(argv[2]) : 2;
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 5;
    char program[] = "/bin/sh";
    char dashC[] = "-c";
    char command[] = "true";
    char *args[] = {program, dashC, command, nullptr};
    char path[] = "PATH=/usr/local/bin:/usr/bin:/bin";
    char *env[] = {path, nullptr};

    std::printf("spawn floor: %d x /bin/sh -c true at once, %d threads, %d rounds\n", count,
                threads, rounds);
    for (int round = 0; round < rounds; ++round) {
        std::vector<double> startedMs(size_t(count), 0);
        std::vector<pid_t> pids(size_t(count), 0);
        const double cpuBefore = cpuMs(RUSAGE_SELF) + cpuMs(RUSAGE_CHILDREN);
        const auto t0 = std::chrono::steady_clock::now();
        std::vector<std::thread> workers;
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back([&, t] {
                for (int i = t; i < count; i += threads) {
                    posix_spawnattr_t attr;
                    posix_spawnattr_init(&attr);
                    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
                    ::posix_spawn(&pids[size_t(i)], program, nullptr, &attr, args, env);
                    posix_spawnattr_destroy(&attr);
                    startedMs[size_t(i)] = std::chrono::duration<double, std::milli>(
                                               std::chrono::steady_clock::now() - t0)
                                               .count();
                }
            });
        }
        for (auto &worker : workers)
            worker.join();
        for (pid_t pid : pids)
            ::waitpid(pid, nullptr, 0);
        const double cpu = cpuMs(RUSAGE_SELF) + cpuMs(RUSAGE_CHILDREN) - cpuBefore;
        std::sort(startedMs.begin(), startedMs.end());
        std::printf("  round %d: p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms; CPU %.1f ms "
                    "(%.2f ms per process)\n",
                    round + 1, startedMs[size_t(count) / 2], startedMs[size_t(count) * 9 / 10],
                    startedMs[size_t(count) * 99 / 100], startedMs.back(), cpu, cpu / count);
    }
    return 0;
}
