#pragma once

#include <domain/jobschedule.h>
#include <store/nodestore.h>

#include <QList>

namespace Cronhelm {

// What the executor decides for a job's slots, as pure functions of the job, its schedule
// and how many of its runs are going on (anywhere in the cluster): the concurrency policy
// for a due slot, the misfire policy for the slots missed while no executor was alive.
// Which node runs what is not decided here but in the database, with the run rows
// (fire_slots_assigned: capacity and labels).
namespace SlotPlanner {

// Missed slots recorded as skipped after a gap, per job; older ones are only counted.
constexpr int maxSkippedRecords = 1000;

// A due slot (trigger Schedule: reserved ahead, started at its instant) or the catch-up of
// a missed one (CatchUp: started at once). `running`: the job's runs going on.
SlotFire decide(const JobRecord &job, const QDateTime &slot, RunTrigger trigger, int running);

// Whether deciding this slot means stopping the job's running runs first (the replace
// policy, for a slot started at once; a reserved slot replaces at its instant).
bool replacesRunning(const JobRecord &job, const SlotFire &fire, int running);

struct Missed
{
    QList<SlotFire> fires; // oldest first
    int total = 0;         // slots missed, also those too old to be recorded
};

// The slots of the gap (the job's last recorded slot or schedule start, now], per the
// job's misfire policy: run_once runs the newest (decide(), CatchUp) and records the others
// as skipped; skip records them all as skipped; run_all queues up to misfire_bound of the
// newest, to run one after another, and skips the rest.
Missed missedSlots(const NodeJob &job, const JobSchedule &schedule, const QDateTime &now,
                   int running);

} // namespace SlotPlanner

} // namespace Cronhelm
