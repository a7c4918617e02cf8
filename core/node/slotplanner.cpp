#include "slotplanner.h"

namespace Cronhelm::SlotPlanner {

SlotFire decide(const JobRecord &job, const QDateTime &slot, RunTrigger trigger, int running)
{
    // Scheduled slots are reserved ahead and started by a local timer at the instant;
    // catch-ups are late already and start at once.
    const bool ahead = trigger == RunTrigger::Schedule;
    SlotFire fire{job.id, slot, trigger, ahead ? SlotDecision::Reserve : SlotDecision::Start, {}};
    if (running > 0 && job.spec.concurrency == ConcurrencyPolicy::Forbid) {
        fire.decision = SlotDecision::Skip;
        fire.error = QStringLiteral("the previous run was still running (concurrency policy: "
                                    "forbid)");
    }
    // Capacity is the database's to count (fire_slots_assigned): every node's runs, the
    // reservations not started yet included. With no free slot anywhere the run is queued.
    return fire;
}

bool replacesRunning(const JobRecord &job, const SlotFire &fire, int running)
{
    return running > 0 && job.spec.concurrency == ConcurrencyPolicy::Replace
        && fire.decision == SlotDecision::Start;
}

Missed missedSlots(const NodeJob &data, const JobSchedule &schedule, const QDateTime &now,
                   int running)
{
    const JobRecord &record = data.job;
    const JobSpec &job = record.spec;
    const qint64 jobId = record.id;
    QDateTime from = record.scheduleSince;
    if (data.lastSlot.isValid() && data.lastSlot > from)
        from = data.lastSlot;
    const bool runAll = job.misfire == MisfirePolicy::RunAll;
    const int keep = runAll ? std::max(job.misfireBound, maxSkippedRecords) : maxSkippedRecords;
    const JobSchedule::Missed missed = schedule.missedBetween(from, now, keep);
    Missed out;
    out.total = int(missed.total);
    const int n = int(missed.newest.size());
    for (int i = 0; i < n; ++i) {
        const QDateTime &slot = missed.newest.at(i);
        const bool newest = i == n - 1;
        if (job.misfire == MisfirePolicy::Skip) {
            out.fires.append({jobId, slot, RunTrigger::Schedule, SlotDecision::Skip,
                              QStringLiteral("missed while no executor was running (misfire "
                                             "policy: skip)")});
        } else if (runAll && i >= n - job.misfireBound) {
            // Each missed slot runs, in order, one after another (assigned from the queue).
            out.fires.append({jobId, slot, RunTrigger::CatchUp, SlotDecision::Queue, {}});
        } else if (!runAll && newest) {
            out.fires.append(decide(record, slot, RunTrigger::CatchUp, running));
        } else {
            out.fires.append(
                {jobId, slot, RunTrigger::Schedule, SlotDecision::Skip,
                 runAll ? QStringLiteral("missed while no executor was running, beyond the "
                                         "run_all bound")
                        : QStringLiteral("missed while no executor was running (misfire policy: "
                                         "run_once ran only the latest slot)")});
        }
    }
    return out;
}

} // namespace Cronhelm::SlotPlanner
