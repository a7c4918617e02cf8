<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Cronhelm::ClusterModel</name>
    <message numerus="yes">
        <source>No heartbeat for %n s (nodes write one every second). It was %1; the store declares it lost after 30 s.</source>
        <extracomment>%1 the role it had (&quot;Executor&quot;, &quot;Standby&quot;)</extracomment>
        <translation>
            <numerusform>No heartbeat for %n s (nodes write one every second). It was %1; the store declares it lost after 30 s.</numerusform>
            <numerusform>No heartbeat for %n s (nodes write one every second). It was %1; the store declares it lost after 30 s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cronhelm::ConnectionStatus</name>
    <message numerus="yes">
        <source>Connection lost. Reconnecting in %n s…</source>
        <translation>
            <numerusform>Connection lost. Reconnecting in %n s…</numerusform>
            <numerusform>Connection lost. Reconnecting in %n s…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cronhelm::Core</name>
    <message numerus="yes">
        <source>Every %n seconds</source>
        <translation>
            <numerusform>Every second</numerusform>
            <numerusform>Every %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n minutes</source>
        <translation>
            <numerusform>Every minute</numerusform>
            <numerusform>Every %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cronhelm::DurationChart</name>
    <message numerus="yes">
        <source>Last %n run(s) · longest %1</source>
        <translation>
            <numerusform>Last run · %1</numerusform>
            <numerusform>Last %n runs · longest %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cronhelm::HistoryView</name>
    <message numerus="yes">
        <source>%n run(s).</source>
        <translation>
            <numerusform>%n run.</numerusform>
            <numerusform>%n runs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n runs; more load as you scroll.</source>
        <translation>
            <numerusform>Showing the first run; more load as you scroll.</numerusform>
            <numerusform>Showing the first %n runs; more load as you scroll.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) exported to %1.</source>
        <translation>
            <numerusform>%n run exported to %1.</numerusform>
            <numerusform>%n runs exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobSchedulePage</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cronhelm::Local</name>
    <message numerus="yes">
        <source>%1 did not finish within %n seconds.</source>
        <translation>
            <numerusform>%1 did not finish within %n second.</numerusform>
            <numerusform>%1 did not finish within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cronhelm::MainWindow</name>
    <message numerus="yes">
        <source>&amp;Jobs (%n failing)</source>
        <translation>
            <numerusform>&amp;Jobs (%n failing)</numerusform>
            <numerusform>&amp;Jobs (%n failing)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failing</source>
        <translation>
            <numerusform>%n failing</numerusform>
            <numerusform>%n failing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cronhelm::RetentionDialog</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the last %n run(s)</source>
        <translation>
            <numerusform>the last run</numerusform>
            <numerusform>the last %n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cronhelm::UpcomingModel</name>
    <message numerus="yes">
        <source>Runs %n times in this period, until %1.</source>
        <translation>
            <numerusform>Runs once in this period, until %1.</numerusform>
            <numerusform>Runs %n times in this period, until %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cronhelm::UpcomingView</name>
    <message numerus="yes">
        <source>%n run(s) ahead, shown in your time zone (%1).</source>
        <translation>
            <numerusform>%n run ahead, shown in your time zone (%1).</numerusform>
            <numerusform>%n runs ahead, shown in your time zone (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clock change(s) in the jobs&apos; time zones.</source>
        <translation>
            <numerusform>%n clock change in the jobs&apos; time zones.</numerusform>
            <numerusform>%n clock changes in the jobs&apos; time zones.</numerusform>
        </translation>
    </message>
</context>
</TS>
