#pragma once

#include <QString>

namespace Cronhelm {

// A duration for people, the same in the CLI and the desktop app: "850 ms", "42 s",
// "3 min 05 s", "1 h 02 min", "2 d 3 h". Translated (the core's context).
QString formatDuration(qint64 ms);

// A time that keeps ticking (how long ago a node was last seen) in whole seconds, so it
// reads "45 s ago" and not "45.3 s ago" in both the CLI and the app.
QString formatElapsed(qint64 ms);

// A size for people: "512 bytes", "10 KB", "10 MB", "1.5 GB" (1 KB = 1024 bytes, as the
// log limit is set).
QString formatSize(qint64 bytes);

} // namespace Cronhelm
