<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect to a Cronhelm Database</source>
        <translation>Mit einer Cronhelm-Datenbank verbinden</translation>
    </message>
    <message>
        <source>Enter what your administrator gave you. Cronhelm keeps passwords only in the system keychain, never in its settings.</source>
        <translation>Geben Sie ein, was Sie von Ihrer Administration erhalten haben. Cronhelm bewahrt Passwörter nur im Schlüsselbund des Systems auf, nie in seinen Einstellungen.</translation>
    </message>
    <message>
        <source>Sa&amp;ved connection:</source>
        <translation>&amp;Gespeicherte Verbindung:</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>&amp;Vergessen</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the system keychain</source>
        <translation>Passwort im Schlüsselbund des Systems &amp;merken</translation>
    </message>
    <message>
        <source>&amp;Encryption (TLS):</source>
        <translation>V&amp;erschlüsselung (TLS):</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>&amp;CA-Zertifikat:</translation>
    </message>
    <message>
        <source>the CA file your administrator gave you</source>
        <translation>die CA-Datei von Ihrer Administration</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>D&amp;urchsuchen…</translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation>Speichern &amp;als:</translation>
    </message>
    <message>
        <source>a name to find this connection again (optional)</source>
        <translation>ein Name, um diese Verbindung wiederzufinden (optional)</translation>
    </message>
    <message>
        <source>Use a &amp;local store on this computer</source>
        <translation>&amp;Lokalen Speicher auf diesem Computer verwenden</translation>
    </message>
    <message>
        <source>No server or password needed: Cronhelm keeps the jobs in a private database on this computer and runs them while it is open.</source>
        <translation>Kein Server und kein Passwort nötig: Cronhelm speichert die Aufträge in einer privaten Datenbank auf diesem Computer und führt sie aus, solange es geöffnet ist.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::ClusterModel</name>
    <message>
        <source>Executor: unknown</source>
        <translation>Ausführender Knoten: unbekannt</translation>
    </message>
    <message>
        <source>No scheduler node has started yet: jobs will not run.</source>
        <translation>Es wurde noch kein Scheduler-Knoten gestartet: Aufträge laufen nicht.</translation>
    </message>
    <message>
        <source>No executor: jobs are not running right now.</source>
        <translation>Kein ausführender Knoten: Aufträge laufen gerade nicht.</translation>
    </message>
    <message>
        <source>Executor: %1 (term %2)</source>
        <translation>Ausführender Knoten: %1 (Amtszeit %2)</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Rechner</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>Letztes Lebenszeichen</translation>
    </message>
    <message>
        <source>Running jobs</source>
        <translation>Laufende Aufträge</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Ausführender Knoten</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Wird beendet</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Lost (no heartbeat)</source>
        <translation>Verloren (kein Lebenszeichen)</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (PID %2)</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>This node&apos;s clock differs from the database&apos;s by %1 ms.</source>
        <translation>Die Uhr dieses Knotens weicht um %1 ms von der der Datenbank ab.</translation>
    </message>
    <message>
        <source>1 node · %1 of %2 slots busy</source>
        <translation>1 Knoten · %1 von %2 Plätzen belegt</translation>
    </message>
    <message>
        <source>%1 nodes · %2 of %3 slots busy</source>
        <translation>%1 Knoten · %2 von %3 Plätzen belegt</translation>
    </message>
    <message>
        <source>Jobs planned by %1</source>
        <extracomment>%1 the executor node: it decides when jobs run; every live node runs them</extracomment>
        <translation>Aufträge geplant von %1</translation>
    </message>
    <message>
        <source>No node holds the executor lease, so no scheduled job starts until one takes it.</source>
        <translation>Kein Knoten hält die Berechtigung als ausführender Knoten, daher startet kein geplanter Auftrag, bis ein Knoten sie übernimmt.</translation>
    </message>
    <message>
        <source>%1 holds the executor lease (term %2): it decides when every job runs and which node runs it. Every live node runs jobs; another takes over the lease if it stops.</source>
        <extracomment>%1 node, %2 lease term number</extracomment>
        <translation>%1 hält die Berechtigung als ausführender Knoten (Amtszeit %2): Er entscheidet, wann jeder Auftrag läuft und welcher Knoten ihn ausführt. Jeder aktive Knoten führt Aufträge aus; fällt er aus, übernimmt ein anderer die Berechtigung.</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Busy / capacity</source>
        <translation>Belegt / Kapazität</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Arbeitsknoten</translation>
    </message>
    <message>
        <source>Not responding</source>
        <translation>Antwortet nicht</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>No heartbeat for %n s (nodes write one every second). It was %1; the store declares it lost after 30 s.</source>
        <extracomment>%1 the role it had (&quot;Executor&quot;, &quot;Standby&quot;)</extracomment>
        <translation>
            <numerusform>Seit %n s kein Lebenszeichen (Knoten schreiben jede Sekunde eines). Seine Rolle war „%1“; der Speicher erklärt ihn nach 30 s für verloren.</numerusform>
            <numerusform>Seit %n s kein Lebenszeichen (Knoten schreiben jede Sekunde eines). Seine Rolle war „%1“; der Speicher erklärt ihn nach 30 s für verloren.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 runs assigned to this node (started or about to start) of the %2 it runs at once (--max-parallel).</source>
        <translation>%1 Läufe sind diesem Knoten zugewiesen (gestartet oder kurz vor dem Start); er führt bis zu %2 gleichzeitig aus (--max-parallel).</translation>
    </message>
</context>
<context>
    <name>Cronhelm::ClusterView</name>
    <message>
        <source>Executor</source>
        <translation>Ausführender Knoten</translation>
    </message>
    <message>
        <source>Holds the lease since:</source>
        <translation>Hält die Berechtigung seit:</translation>
    </message>
    <message>
        <source>Lease:</source>
        <translation>Berechtigung:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scheduler nodes&lt;/b&gt;</source>
        <translation>&lt;b&gt;Scheduler-Knoten&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent changes of executor&lt;/b&gt;</source>
        <translation>&lt;b&gt;Letzte Wechsel des ausführenden Knotens&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>Noch nicht bekannt</translation>
    </message>
    <message>
        <source>No executor: scheduled jobs are not running.</source>
        <translation>Kein ausführender Knoten: geplante Aufträge laufen nicht.</translation>
    </message>
    <message>
        <source>No node has held the lease yet.</source>
        <translation>Noch kein Knoten hatte die Berechtigung.</translation>
    </message>
    <message>
        <source>The last executor was %1 (term %2).</source>
        <translation>Der letzte ausführende Knoten war %1 (Amtszeit %2).</translation>
    </message>
    <message>
        <source>A standby node takes over as soon as it sees the lease free.</source>
        <translation>Ein Knoten in Bereitschaft übernimmt, sobald er die Berechtigung frei sieht.</translation>
    </message>
    <message>
        <source>%1 — term %2</source>
        <translation>%1 — Amtszeit %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>expires in %1 unless renewed (last renewed %2 ago)</source>
        <translation>läuft in %1 ab, wenn sie nicht erneuert wird (zuletzt erneuert vor %2)</translation>
    </message>
    <message>
        <source>expired %1 ago: a standby should take over now</source>
        <translation>seit %1 abgelaufen: ein Knoten in Bereitschaft sollte jetzt übernehmen</translation>
    </message>
    <message>
        <source>⚠ The cluster could not be read: %1</source>
        <translation>⚠ Der Cluster konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>⚠ This is the cluster as of %1; it could not be refreshed: %2</source>
        <translation>⚠ Dies ist der Cluster mit Stand %1; er konnte nicht aktualisiert werden: %2</translation>
    </message>
</context>
<context>
    <name>Cronhelm::ConnectionDialog</name>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Use TLS when the server offers it</source>
        <translation>TLS verwenden, wenn der Server es anbietet</translation>
    </message>
    <message>
        <source>Require TLS (certificate not checked)</source>
        <translation>TLS verlangen (Zertifikat nicht prüfen)</translation>
    </message>
    <message>
        <source>Require TLS and a certificate from my CA</source>
        <translation>TLS und ein Zertifikat meiner CA verlangen</translation>
    </message>
    <message>
        <source>Require TLS, my CA and the right server name (safest)</source>
        <translation>TLS, meine CA und den richtigen Servernamen verlangen (am sichersten)</translation>
    </message>
    <message>
        <source>No TLS</source>
        <translation>Kein TLS</translation>
    </message>
    <message>
        <source>Choose the CA Certificate</source>
        <translation>CA-Zertifikat wählen</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Zertifikate (*.crt *.pem *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>The password was filled in from the system keychain.</source>
        <translation>Das Passwort wurde aus dem Schlüsselbund des Systems eingesetzt.</translation>
    </message>
    <message>
        <source>The file %1 does not exist or cannot be read.</source>
        <translation>Die Datei %1 existiert nicht oder kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Enter the database name.</source>
        <translation>Geben Sie den Namen der Datenbank ein.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>diesem Rechner</translation>
    </message>
    <message>
        <source>the system&apos;s trusted CAs (%1)</source>
        <extracomment>%1 the file of the system&apos;s trusted certificate authorities</extracomment>
        <translation>die vertrauenswürdigen CAs des Systems (%1)</translation>
    </message>
    <message>
        <source>Not needed: a connection through a socket on this computer does not go over the network.</source>
        <translation>Nicht nötig: Eine Verbindung über einen Socket auf diesem Computer geht nicht über das Netzwerk.</translation>
    </message>
    <message>
        <source>The server&apos;s name is not checked: any server with a certificate from this CA can pose as it.</source>
        <translation>Der Name des Servers wird nicht geprüft: Jeder Server mit einem Zertifikat dieser CA kann sich als er ausgeben.</translation>
    </message>
    <message>
        <source>The server is not verified: someone on the network path can pose as it and read the password and everything Cronhelm sends.</source>
        <translation>Der Server wird nicht geprüft: Jemand auf dem Netzwerkweg kann sich als er ausgeben und das Passwort und alles mitlesen, was Cronhelm sendet.</translation>
    </message>
    <message>
        <source>Choose the CA certificate file: this mode checks the server against it, and this computer has no store of trusted CAs that Cronhelm knows.</source>
        <translation>Wählen Sie die CA-Zertifikatsdatei: In diesem Modus wird der Server damit geprüft, und dieser Computer hat keinen Speicher vertrauenswürdiger CAs, den Cronhelm kennt.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::ConnectionStatus</name>
    <message>
        <source>Reconnect Now</source>
        <translation>Jetzt neu verbinden</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message numerus="yes">
        <source>Connection lost. Reconnecting in %n s…</source>
        <translation>
            <numerusform>Verbindung verloren. Neuer Versuch in %n s …</numerusform>
            <numerusform>Verbindung verloren. Neuer Versuch in %n s …</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection lost. Reconnecting…</source>
        <translation>Verbindung verloren. Neuer Verbindungsversuch …</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Rolle: %1</translation>
    </message>
    <message>
        <source>TLS %1 (%2), sslmode=%3</source>
        <extracomment>%1 TLS version, %2 cipher, %3 libpq sslmode (e.g. &quot;verify-full&quot;)</extracomment>
        <translation>TLS %1 (%2), sslmode=%3</translation>
    </message>
    <message>
        <source>Local connection</source>
        <translation>Lokale Verbindung</translation>
    </message>
    <message>
        <source>The connection goes through a socket on this computer, not over the network: it needs no encryption.</source>
        <translation>Die Verbindung läuft über einen Socket auf diesem Computer, nicht über das Netzwerk: Sie braucht keine Verschlüsselung.</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Nicht verschlüsselt</translation>
    </message>
    <message>
        <source>Anyone on the network path can read and change what Cronhelm sends, passwords included (sslmode=%1). Connect with TLS and verify-full.</source>
        <translation>Jeder auf dem Netzwerkweg kann lesen und ändern, was Cronhelm sendet, auch Passwörter (sslmode=%1). Verbinden Sie sich mit TLS und verify-full.</translation>
    </message>
    <message>
        <source>Encrypted, server verified</source>
        <translation>Verschlüsselt, Server geprüft</translation>
    </message>
    <message>
        <source>%1: the server&apos;s certificate is signed by a trusted CA and names this server.</source>
        <translation>%1: Das Zertifikat des Servers ist von einer vertrauenswürdigen CA signiert und nennt diesen Server.</translation>
    </message>
    <message>
        <source>Encrypted, server name not checked</source>
        <translation>Verschlüsselt, Servername nicht geprüft</translation>
    </message>
    <message>
        <source>%1: the certificate is signed by a trusted CA, but any server with such a certificate could pose as this one. Use verify-full.</source>
        <translation>%1: Das Zertifikat ist von einer vertrauenswürdigen CA signiert, aber jeder Server mit einem solchen Zertifikat könnte sich als dieser ausgeben. Verwenden Sie verify-full.</translation>
    </message>
    <message>
        <source>Encrypted, server not verified</source>
        <translation>Verschlüsselt, Server nicht geprüft</translation>
    </message>
    <message>
        <source>%1: the server&apos;s certificate was not checked, so someone on the network path could pose as it. Use verify-full.</source>
        <translation>%1: Das Zertifikat des Servers wurde nicht geprüft, daher könnte sich jemand auf dem Netzwerkweg als er ausgeben. Verwenden Sie verify-full.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Cluster unknown</source>
        <translation>Cluster unbekannt</translation>
    </message>
    <message>
        <source>The cluster could not be read: %1</source>
        <translation>Der Cluster konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (as of %2)</source>
        <extracomment>%1 what the status bar says of the executor, %2 a time of day</extracomment>
        <translation>%1 (Stand %2)</translation>
    </message>
    <message>
        <source>The cluster could not be refreshed since %1: %2</source>
        <extracomment>%1 a time of day, %2 the reason</extracomment>
        <translation>Der Cluster konnte seit %1 nicht aktualisiert werden: %2</translation>
    </message>
</context>
<context>
    <name>Cronhelm::Core</name>
    <message>
        <source>unknown macro &quot;%1&quot; (use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly)</source>
        <translation>unbekanntes Makro „%1“ (verwenden Sie @yearly, @annually, @monthly, @weekly, @daily, @midnight oder @hourly)</translation>
    </message>
    <message>
        <source>unexpected text after %1: &quot;%2&quot;</source>
        <translation>unerwarteter Text nach %1: „%2“</translation>
    </message>
    <message>
        <source>expected 5 or 6 fields, found %1</source>
        <translation>5 oder 6 Felder erwartet, %1 gefunden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is a cron field name such as &quot;day-of-month&quot;, %2 the problem</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the field is empty</source>
        <translation>das Feld ist leer</translation>
    </message>
    <message>
        <source>&quot;?&quot; is only allowed in day-of-month and day-of-week</source>
        <translation>„?“ ist nur im Monatstag und im Wochentag erlaubt</translation>
    </message>
    <message>
        <source>empty item in the list %1</source>
        <translation>leerer Eintrag in der Liste %1</translation>
    </message>
    <message>
        <source>&quot;?&quot; must stand alone, not in a list</source>
        <translation>„?“ muss allein stehen, nicht in einer Liste</translation>
    </message>
    <message>
        <source>%1 is missing a value before &quot;/&quot;</source>
        <translation>bei %1 fehlt ein Wert vor „/“</translation>
    </message>
    <message>
        <source>%1 is not a complete range</source>
        <translation>%1 ist kein vollständiger Bereich</translation>
    </message>
    <message>
        <source>range %1 descends (ranges do not wrap around)</source>
        <translation>der Bereich %1 ist absteigend (Bereiche laufen nicht über das Ende hinaus)</translation>
    </message>
    <message>
        <source>%1 is not valid: use L, L-n or LW</source>
        <translation>%1 ist ungültig: verwenden Sie L, L-n oder LW</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 ist keine Zahl</translation>
    </message>
    <message>
        <source>%1 is out of range L-0 to L-30</source>
        <translation>%1 liegt außerhalb des Bereichs L-0 bis L-30</translation>
    </message>
    <message>
        <source>&quot;W&quot; needs a day before it, e.g. 15W</source>
        <translation>vor „W“ muss ein Tag stehen, z. B. 15W</translation>
    </message>
    <message>
        <source>%1 needs a weekday before &quot;#&quot;, e.g. 1#2</source>
        <translation>bei %1 muss vor „#“ ein Wochentag stehen, z. B. 1#2</translation>
    </message>
    <message>
        <source>occurrence %1 in %2 is out of range 1-5</source>
        <translation>das Vorkommen %1 in %2 liegt außerhalb des Bereichs 1–5</translation>
    </message>
    <message>
        <source>&quot;L&quot; needs a weekday before it, e.g. 5L for the last Friday</source>
        <translation>vor „L“ muss ein Wochentag stehen, z. B. 5L für den letzten Freitag</translation>
    </message>
    <message>
        <source>&quot;#&quot; is only allowed in day-of-week</source>
        <translation>„#“ ist nur im Wochentag erlaubt</translation>
    </message>
    <message>
        <source>&quot;W&quot; is only allowed in day-of-month</source>
        <translation>„W“ ist nur im Monatstag erlaubt</translation>
    </message>
    <message>
        <source>&quot;L&quot; is only allowed in day-of-month and day-of-week</source>
        <translation>„L“ ist nur im Monatstag und im Wochentag erlaubt</translation>
    </message>
    <message>
        <source>%1 is not a number or a month name</source>
        <translation>%1 ist weder eine Zahl noch ein Monatsname</translation>
    </message>
    <message>
        <source>%1 is not a number or a weekday name</source>
        <translation>%1 ist weder eine Zahl noch ein Wochentagsname</translation>
    </message>
    <message>
        <source>step %1 is not a number</source>
        <translation>die Schrittweite %1 ist keine Zahl</translation>
    </message>
    <message>
        <source>step %1 is out of range 1-%2</source>
        <translation>die Schrittweite %1 liegt außerhalb des Bereichs 1–%2</translation>
    </message>
    <message>
        <source>second</source>
        <translation>zweiten</translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot;</source>
        <translation>unbekannte Zeitzone „%1“</translation>
    </message>
    <message>
        <source>The date, time or time zone is not valid.</source>
        <translation>Datum, Uhrzeit oder Zeitzone sind ungültig.</translation>
    </message>
    <message>
        <source>%1 happens twice in %2: clocks go back from %3 to %4 that day, so it occurs first at %5 UTC %7 and again at %6 UTC %8.</source>
        <extracomment>%1 local date and time, %2 zone id, %3/%4 wall-clock times, %5/%6 UTC times, %7/%8 &quot;(EDT, UTC-4)&quot;</extracomment>
        <translation>%1 gibt es in %2 zweimal: An diesem Tag werden die Uhren von %3 auf %4 zurückgestellt, daher kommt die Zeit zuerst um %5 UTC %7 und noch einmal um %6 UTC %8 vor.</translation>
    </message>
    <message>
        <source>%1 happens twice in %2: clocks go back from %3 to %4, so it occurs first at %5 UTC %7 and again at %6 UTC %8.</source>
        <extracomment>as above, with dates in %3/%4 because the change crosses midnight</extracomment>
        <translation>%1 gibt es in %2 zweimal: Die Uhren werden von %3 auf %4 zurückgestellt, daher kommt die Zeit zuerst um %5 UTC %7 und noch einmal um %6 UTC %8 vor.</translation>
    </message>
    <message>
        <source>%1 does not exist in %2.</source>
        <translation>%1 gibt es in %2 nicht.</translation>
    </message>
    <message>
        <source>%1 does not exist in %2: clocks jump from %3 to %4 that day.</source>
        <extracomment>%1 local date and time, %2 zone id, %3 and %4 wall-clock times (&quot;02:00&quot;, &quot;03:00&quot;)</extracomment>
        <translation>%1 gibt es in %2 nicht: An diesem Tag springen die Uhren von %3 auf %4.</translation>
    </message>
    <message>
        <source>%1 does not exist in %2: clocks jump from %3 to %4.</source>
        <extracomment>as above, with dates in %3/%4 because the jump crosses midnight</extracomment>
        <translation>%1 gibt es in %2 nicht: Die Uhren springen von %3 auf %4.</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Januar</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Februar</translation>
    </message>
    <message>
        <source>March</source>
        <translation>März</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Dezember</translation>
    </message>
    <message>
        <source>first</source>
        <translation>ersten</translation>
    </message>
    <message>
        <source>third</source>
        <translation>dritten</translation>
    </message>
    <message>
        <source>fourth</source>
        <translation>vierten</translation>
    </message>
    <message>
        <source>fifth</source>
        <translation>fünften</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <extracomment>joins the last item of a list: &quot;Monday, Wednesday and Friday&quot;</extracomment>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Every second</source>
        <translation>Jede Sekunde</translation>
    </message>
    <message numerus="yes">
        <source>Every %n seconds</source>
        <translation>
            <numerusform>Jede Sekunde</numerusform>
            <numerusform>Alle %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation>Jede Minute</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minutes</source>
        <translation>
            <numerusform>Jede Minute</numerusform>
            <numerusform>Alle %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>At minute %1 of every hour</source>
        <translation>Zur Minute %1 jeder Stunde</translation>
    </message>
    <message>
        <source>Every %1 hours at minute %2</source>
        <extracomment>%1 hours apart from midnight, %2 minute: &quot;Every 2 hours at minute 0&quot;</extracomment>
        <translation>Alle %1 Stunden zur Minute %2</translation>
    </message>
    <message>
        <source>Every hour from %1 to %2</source>
        <extracomment>&quot;Every hour from 09:00 to 17:00&quot;</extracomment>
        <translation>Stündlich von %1 bis %2</translation>
    </message>
    <message>
        <source>Every %1 minutes from %2 to %3</source>
        <extracomment>%1 minutes apart, %2/%3 the first and last clock time: &quot;Every 15 minutes from 09:00 to 17:45&quot;</extracomment>
        <translation>Alle %1 Minuten von %2 bis %3</translation>
    </message>
    <message>
        <source>At %1</source>
        <extracomment>%1 one or more clock times: &quot;09:30&quot;, &quot;09:00 and 17:00&quot;</extracomment>
        <translation>Um %1</translation>
    </message>
    <message>
        <source>on %1 to %2</source>
        <extracomment>a run of weekdays: &quot;Monday to Friday&quot;</extracomment>
        <translation>von %1 bis %2</translation>
    </message>
    <message>
        <source>on %1</source>
        <extracomment>%1 one or more weekdays: &quot;Monday&quot;, &quot;Saturday and Sunday&quot;</extracomment>
        <translation>am %1</translation>
    </message>
    <message>
        <source>on %1 %2</source>
        <extracomment>%1 day of month, %2 month name: &quot;on 1 January&quot;</extracomment>
        <translation>am %1 %2</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>on the last %1 of every month</source>
        <extracomment>&quot;on the last Friday of every month&quot;</extracomment>
        <translation>am letzten %1 jedes Monats</translation>
    </message>
    <message>
        <source>on the %1 %2 of every month</source>
        <extracomment>%1 ordinal (&quot;second&quot;), %2 weekday: &quot;on the second Monday of every month&quot;</extracomment>
        <translation>am %1 %2 jedes Monats</translation>
    </message>
    <message>
        <source>on day %1 of every month</source>
        <translation>am %1. jedes Monats</translation>
    </message>
    <message>
        <source>on days %1 of every month</source>
        <extracomment>%1 days of the month: &quot;on days 1 and 15 of every month&quot;</extracomment>
        <translation>an den Tagen %1 jedes Monats</translation>
    </message>
    <message>
        <source>on the last weekday of every month</source>
        <translation>am letzten Werktag jedes Monats</translation>
    </message>
    <message>
        <source>on the last day of every month</source>
        <translation>am letzten Tag jedes Monats</translation>
    </message>
    <message>
        <source>on the day before the last day of every month</source>
        <translation>am vorletzten Tag jedes Monats</translation>
    </message>
    <message>
        <source>on the day %1 days before the last day of every month</source>
        <translation>%1 Tage vor dem letzten Tag jedes Monats</translation>
    </message>
    <message>
        <source>on the weekday nearest day %1 of every month</source>
        <extracomment>&quot;on the weekday nearest day 15 of every month&quot;</extracomment>
        <translation>am Werktag, der dem %1. jedes Monats am nächsten liegt</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <extracomment>a range of values: &quot;9 to 17&quot;, &quot;Monday to Friday&quot;</extracomment>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>the last day</source>
        <translation>der letzte Tag</translation>
    </message>
    <message>
        <source>the day before the last day</source>
        <translation>der vorletzte Tag</translation>
    </message>
    <message>
        <source>the day %1 days before the last day</source>
        <translation>der Tag %1 Tage vor dem letzten</translation>
    </message>
    <message>
        <source>the last weekday</source>
        <translation>der letzte Werktag</translation>
    </message>
    <message>
        <source>the weekday nearest day %1</source>
        <translation>der Werktag am nächsten zum %1.</translation>
    </message>
    <message>
        <source>the last %1</source>
        <translation>der letzte %1</translation>
    </message>
    <message>
        <source>the %1 %2</source>
        <translation>der %1 %2</translation>
    </message>
    <message>
        <source>second %1</source>
        <translation>Sekunde %1</translation>
    </message>
    <message>
        <source>minute %1</source>
        <translation>Minute %1</translation>
    </message>
    <message>
        <source>hour %1</source>
        <translation>Stunde %1</translation>
    </message>
    <message>
        <source>day of month %1, or day of week %2</source>
        <extracomment>cron&apos;s rule when both day fields are given: either may match</extracomment>
        <translation>Monatstag %1 oder Wochentag %2</translation>
    </message>
    <message>
        <source>day of month %1</source>
        <translation>Monatstag %1</translation>
    </message>
    <message>
        <source>day of week %1</source>
        <translation>Wochentag %1</translation>
    </message>
    <message>
        <source>month %1</source>
        <translation>Monat %1</translation>
    </message>
    <message>
        <source>every second</source>
        <translation>jede Sekunde</translation>
    </message>
    <message>
        <source>every minute</source>
        <translation>jede Minute</translation>
    </message>
    <message>
        <source>Cron schedule &quot;%1&quot;: %2 (%3)</source>
        <extracomment>%1 the expression, %2 its fields in words (&quot;minute 0, 30; hour 9 to 17&quot;), %3 time zone</extracomment>
        <translation>Cron-Zeitplan „%1“: %2 (%3)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 how often (&quot;Every 5 minutes&quot;), %2 time zone</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <extracomment>%1 when (&quot;At 09:30&quot;, &quot;Every 5 minutes&quot;), %2 which days (&quot;on Monday to Friday&quot;, &quot;every day&quot;), %3 time zone</extracomment>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>No schedule</source>
        <translation>Kein Zeitplan</translation>
    </message>
    <message>
        <source>job %1 does not exist</source>
        <translation>Auftrag %1 existiert nicht</translation>
    </message>
    <message>
        <source>no job named &quot;%1&quot;</source>
        <translation>kein Auftrag namens „%1“</translation>
    </message>
    <message>
        <source>cannot read migration %1</source>
        <translation>Migration %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The database schema is version %1, newer than this Cronhelm (which knows up to version %2). Upgrade Cronhelm before using this database.</source>
        <translation>Das Datenbankschema hat Version %1 und ist neuer als dieses Cronhelm (es kennt bis Version %2). Aktualisieren Sie Cronhelm, bevor Sie diese Datenbank verwenden.</translation>
    </message>
    <message>
        <source>The database has no Cronhelm schema yet. Run &quot;cronhelmctl migrate&quot; to install it.</source>
        <translation>Die Datenbank hat noch kein Cronhelm-Schema. Führen Sie „cronhelmctl migrate“ aus, um es einzurichten.</translation>
    </message>
    <message>
        <source>The database schema is version %1, newer than this Cronhelm (which knows up to version %2). Upgrade Cronhelm.</source>
        <translation>Das Datenbankschema hat Version %1 und ist neuer als dieses Cronhelm (es kennt bis Version %2). Aktualisieren Sie Cronhelm.</translation>
    </message>
    <message>
        <source>The database schema is version %1 but this Cronhelm needs version %2. Run &quot;cronhelmctl migrate&quot;.</source>
        <translation>Das Datenbankschema hat Version %1, dieses Cronhelm braucht aber Version %2. Führen Sie „cronhelmctl migrate“ aus.</translation>
    </message>
    <message>
        <source>run %1 does not exist</source>
        <translation>Lauf %1 existiert nicht</translation>
    </message>
    <message>
        <source>export cancelled</source>
        <translation>Export abgebrochen</translation>
    </message>
    <message>
        <source>This needs the cronhelm_operator or cronhelm_admin role.</source>
        <translation>Dafür ist die Rolle cronhelm_operator oder cronhelm_admin nötig.</translation>
    </message>
    <message>
        <source>This needs the cronhelm_admin role.</source>
        <translation>Dafür ist die Rolle cronhelm_admin nötig.</translation>
    </message>
    <message>
        <source>(not connected)</source>
        <translation>(nicht verbunden)</translation>
    </message>
    <message>
        <source>database %1 on %2 as %3</source>
        <translation>Datenbank %1 auf %2 als %3</translation>
    </message>
    <message>
        <source>not connected to the database</source>
        <translation>nicht mit der Datenbank verbunden</translation>
    </message>
    <message>
        <source>The connection to the database was lost: %1</source>
        <translation>Die Verbindung zur Datenbank ist abgebrochen: %1</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 (is the cronhelm schema installed and current? Run &quot;cronhelmctl migrate&quot;.)</source>
        <translation>%1 (ist das Cronhelm-Schema eingerichtet und aktuell? Führen Sie „cronhelmctl migrate“ aus.)</translation>
    </message>
    <message>
        <source>second</source>
        <comment>cron field name</comment>
        <translation>Sekunde</translation>
    </message>
    <message>
        <source>minute</source>
        <comment>cron field name</comment>
        <translation>Minute</translation>
    </message>
    <message>
        <source>hour</source>
        <comment>cron field name</comment>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>day-of-month</source>
        <comment>cron field name</comment>
        <translation>Monatstag</translation>
    </message>
    <message>
        <source>month</source>
        <comment>cron field name</comment>
        <translation>Monat</translation>
    </message>
    <message>
        <source>day-of-week</source>
        <comment>cron field name</comment>
        <translation>Wochentag</translation>
    </message>
    <message>
        <source>Cannot connect to the database: %1</source>
        <translation>Keine Verbindung zur Datenbank möglich: %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Must be from %1 to %2.</source>
        <translation>Muss zwischen %1 und %2 liegen.</translation>
    </message>
    <message>
        <source>A job needs a name.</source>
        <translation>Ein Auftrag braucht einen Namen.</translation>
    </message>
    <message>
        <source>The name is longer than %1 characters.</source>
        <translation>Der Name ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The name contains a control or text-direction character.</source>
        <translation>Der Name enthält ein Steuer- oder Schreibrichtungszeichen.</translation>
    </message>
    <message>
        <source>The description is longer than %1 characters.</source>
        <translation>Die Beschreibung ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The owner is longer than %1 characters.</source>
        <translation>Der Verantwortliche ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>Must be a JSON object.</source>
        <translation>Muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>The target is larger than %1 KB.</source>
        <translation>Das Ziel ist größer als %1 KB.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known time zone.</source>
        <translation>„%1“ ist keine bekannte Zeitzone.</translation>
    </message>
    <message>
        <source>This schedule never runs: no date matches all of its fields.</source>
        <translation>Dieser Zeitplan läuft nie: Kein Datum passt zu allen Feldern.</translation>
    </message>
    <message>
        <source>A one-off schedule needs a date and time.</source>
        <translation>Ein einmaliger Termin braucht ein Datum und eine Uhrzeit.</translation>
    </message>
    <message>
        <source>%1 does not fall on %2 in %3 (that local time may not exist there).</source>
        <translation>%1 entspricht nicht %2 in %3 (diese Ortszeit gibt es dort vielleicht nicht).</translation>
    </message>
    <message>
        <source>More than %1 labels.</source>
        <translation>Mehr als %1 Labels.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a node label (letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, at most %2 characters).</source>
        <translation>„%1“ ist kein Knoten-Label (Buchstaben, Ziffern, „.“, „_“ und „-“, höchstens %2 Zeichen).</translation>
    </message>
    <message>
        <source>Must be text.</source>
        <translation>Muss Text sein.</translation>
    </message>
    <message>
        <source>Must be a whole number.</source>
        <translation>Muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>Must be a local date and time.</source>
        <translation>Muss ein lokales Datum mit Uhrzeit sein.</translation>
    </message>
    <message>
        <source>Must be an instant.</source>
        <translation>Muss ein Zeitpunkt sein.</translation>
    </message>
    <message>
        <source>Must be a list of node labels.</source>
        <translation>Muss eine Liste von Knoten-Labels sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a job field.</source>
        <translation>„%1“ ist kein Feld eines Auftrags.</translation>
    </message>
    <message>
        <source>Must not be empty.</source>
        <translation>Darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Must be true or false.</source>
        <translation>Muss true oder false sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2.</source>
        <translation>„%1“ ist nicht eines von %2.</translation>
    </message>
    <message>
        <source>Must be a list of notification targets.</source>
        <translation>Muss eine Liste von Benachrichtigungszielen sein.</translation>
    </message>
    <message>
        <source>More than %1 notification targets.</source>
        <translation>Mehr als %1 Benachrichtigungsziele.</translation>
    </message>
    <message>
        <source>Notification %1 needs the kind slack or webhook and a web address starting with http:// or https://.</source>
        <translation>Benachrichtigung %1 braucht die Art slack oder webhook und eine Webadresse, die mit http:// oder https:// beginnt.</translation>
    </message>
    <message>
        <source>Notification %1: &quot;on&quot; must list failure, success and/or recovery.</source>
        <translation>Benachrichtigung %1: „on“ muss failure, success und/oder recovery nennen.</translation>
    </message>
    <message>
        <source>Notification %1: &quot;%2&quot; is not a field of a notification target.</source>
        <translation>Benachrichtigung %1: „%2“ ist kein Feld eines Benachrichtigungsziels.</translation>
    </message>
    <message>
        <source>Must be a whole number from %1 to %2.</source>
        <translation>Muss eine ganze Zahl von %1 bis %2 sein.</translation>
    </message>
    <message>
        <source>Must be an object of name: value pairs.</source>
        <translation>Muss ein Objekt aus Name: Wert-Paaren sein.</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; must be text.</source>
        <translation>Der Wert von „%1“ muss Text sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field of this kind of target.</source>
        <translation>„%1“ ist kein Feld dieser Art von Ziel.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a web address starting with http:// or https://.</source>
        <translation>„%1“ ist keine Webadresse, die mit http:// oder https:// beginnt.</translation>
    </message>
    <message>
        <source>The address is longer than %1 characters.</source>
        <translation>Die Adresse ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a supported method (use one of %2).</source>
        <translation>„%1“ ist keine unterstützte Methode (verwenden Sie eine von %2).</translation>
    </message>
    <message>
        <source>More than %1 headers.</source>
        <translation>Mehr als %1 Header.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid header name.</source>
        <translation>„%1“ ist kein gültiger Header-Name.</translation>
    </message>
    <message>
        <source>The value of header &quot;%1&quot; cannot contain line breaks.</source>
        <translation>Der Wert des Headers „%1“ darf keine Zeilenumbrüche enthalten.</translation>
    </message>
    <message>
        <source>The body must be text or a JSON object.</source>
        <translation>Der Inhalt muss Text oder ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>The body is larger than %1 KB.</source>
        <translation>Der Inhalt ist größer als %1 KB.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an HTTP status like 200 or an ascending range like 200-299 (100 to 599).</source>
        <translation>„%1“ ist kein HTTP-Status wie 200 und kein aufsteigender Bereich wie 200-299 (100 bis 599).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid regular expression: %2 (at character %3).</source>
        <translation>„%1“ ist kein gültiger regulärer Ausdruck: %2 (bei Zeichen %3).</translation>
    </message>
    <message>
        <source>Must be a regular expression.</source>
        <translation>Muss ein regulärer Ausdruck sein.</translation>
    </message>
    <message>
        <source>Give either a command line or a list of arguments, not both.</source>
        <translation>Geben Sie entweder eine Befehlszeile oder eine Liste von Argumenten an, nicht beides.</translation>
    </message>
    <message>
        <source>The command line cannot be empty.</source>
        <translation>Die Befehlszeile darf nicht leer sein.</translation>
    </message>
    <message>
        <source>The arguments must be a non-empty list of texts.</source>
        <translation>Die Argumente müssen eine nicht leere Liste von Texten sein.</translation>
    </message>
    <message>
        <source>The program name (the first argument) cannot be empty.</source>
        <translation>Der Programmname (das erste Argument) darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A secret reference (${env:…}) in an argument would be visible to every user of the node; pass it in the job&apos;s environment or use a command line.</source>
        <translation>Ein Geheimnis-Verweis (${env:…}) in einem Argument wäre für alle Benutzer des Knotens sichtbar; übergeben Sie ihn in der Umgebung des Auftrags oder verwenden Sie eine Befehlszeile.</translation>
    </message>
    <message>
        <source>A shell job needs a command line.</source>
        <translation>Ein Shell-Auftrag braucht eine Befehlszeile.</translation>
    </message>
    <message>
        <source>Must be a folder path.</source>
        <translation>Muss ein Ordnerpfad sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid variable name (letters, digits and _; not starting with a digit).</source>
        <translation>„%1“ ist kein gültiger Variablenname (Buchstaben, Ziffern und _; nicht mit einer Ziffer am Anfang).</translation>
    </message>
    <message>
        <source>This needs a Cronhelm role this login does not have: ask an administrator to grant it cronhelm_viewer, cronhelm_operator or cronhelm_admin.</source>
        <translation>Dafür braucht diese Anmeldung eine Cronhelm-Rolle, die sie nicht hat: Bitten Sie einen Administrator, ihr cronhelm_viewer, cronhelm_operator oder cronhelm_admin zu geben.</translation>
    </message>
    <message>
        <source>The %1 must be %2–%3, not %4.</source>
        <extracomment>%1 a cron field name (&quot;minute&quot;), %2-%3 its range, %4 the value typed</extracomment>
        <translation>Der Wert für %1 muss zwischen %2 und %3 liegen, nicht bei %4.</translation>
    </message>
    <message>
        <source>This needs the cronhelm_shell_admin role.</source>
        <translation>Dafür ist die Rolle cronhelm_shell_admin nötig.</translation>
    </message>
    <message>
        <source>%1 does not name a secret the nodes can give (letters, digits and _ after %2), so every run would fail.</source>
        <translation>%1 nennt kein Geheimnis, das die Knoten liefern können (Buchstaben, Ziffern und _ nach %2), daher würde jeder Lauf fehlschlagen.</translation>
    </message>
    <message>
        <source>%1 is not a secret the nodes give to jobs: only names starting with %2 are, so every run would fail. Write ${env:%2%3} and have the nodes&apos; operator declare it.</source>
        <translation>%1 ist kein Geheimnis, das die Knoten an Jobs geben: nur Namen, die mit %2 beginnen, daher würde jeder Lauf fehlschlagen. Schreiben Sie ${env:%2%3} und lassen Sie es vom Betreiber der Knoten festlegen.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::DeletedJobsDialog</name>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Deleted Jobs</source>
        <translation>Gelöschte Aufträge</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Restore brings a job back as it was last defined, paused, with its run history. Resume it when you are ready.</source>
        <translation>Beim Wiederherstellen kehrt ein Auftrag so zurück, wie er zuletzt definiert war: angehalten und mit seinem Laufverlauf. Setzen Sie ihn fort, wenn Sie so weit sind.</translation>
    </message>
    <message>
        <source>The deleted jobs could not be read: %1</source>
        <translation>Die gelöschten Aufträge konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No job has been deleted.</source>
        <translation>Es wurde noch kein Auftrag gelöscht.</translation>
    </message>
    <message>
        <source>A job named “%1” exists now: rename it first.</source>
        <translation>Inzwischen gibt es einen Auftrag namens „%1“: Benennen Sie ihn zuerst um.</translation>
    </message>
    <message>
        <source>“%1” could not be restored: %2</source>
        <translation>„%1“ konnte nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <source>“%1” is back, paused. Resume it when you are ready.</source>
        <translation>„%1“ ist wiederhergestellt und angehalten. Setzen Sie ihn fort, wenn Sie so weit sind.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::DurationChart</name>
    <message>
        <source>No runs yet.</source>
        <translation>Noch keine Läufe.</translation>
    </message>
    <message numerus="yes">
        <source>Last %n run(s) · longest %1</source>
        <translation>
            <numerusform>Letzter Lauf · längster %1</numerusform>
            <numerusform>Letzte %n Läufe · längster %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1: %2
%3
%4</source>
        <extracomment>%1 run id, %2 status, %3 when it was scheduled, %4 duration</extracomment>
        <translation>Lauf %1: %2
%3
%4</translation>
    </message>
</context>
<context>
    <name>Cronhelm::DurationEdit</name>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
</context>
<context>
    <name>Cronhelm::HistoryView</name>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>&amp;Export History as CSV…</source>
        <translation>Verlauf als CSV &amp;exportieren …</translation>
    </message>
    <message>
        <source>Show &amp;Log</source>
        <translation>&amp;Protokoll anzeigen</translation>
    </message>
    <message>
        <source>Show the runs of one job</source>
        <translation>Die Läufe eines Auftrags anzeigen</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Problems only</source>
        <translation>Nur Probleme</translation>
    </message>
    <message>
        <source>“Problems only” shows failed, timed-out and abandoned runs.</source>
        <translation>„Nur Probleme“ zeigt fehlgeschlagene, abgelaufene und verwaiste Läufe.</translation>
    </message>
    <message>
        <source>Any trigger</source>
        <translation>Jeder Auslöser</translation>
    </message>
    <message>
        <source>Runs scheduled at or after this time (your time zone)</source>
        <translation>Läufe, die zu oder nach dieser Zeit geplant waren (Ihre Zeitzone)</translation>
    </message>
    <message>
        <source>Runs scheduled before this time (your time zone)</source>
        <translation>Läufe, die vor dieser Zeit geplant waren (Ihre Zeitzone)</translation>
    </message>
    <message>
        <source>Job:</source>
        <translation>Auftrag:</translation>
    </message>
    <message>
        <source>The run history could not be loaded: %1</source>
        <translation>Der Laufverlauf konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>All jobs</source>
        <translation>Alle Aufträge</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s).</source>
        <translation>
            <numerusform>%n Lauf.</numerusform>
            <numerusform>%n Läufe.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n runs; more load as you scroll.</source>
        <translation>
            <numerusform>Der erste Lauf wird angezeigt; beim Blättern wird mehr geladen.</numerusform>
            <numerusform>Die ersten %n Läufe werden angezeigt; beim Blättern wird mehr geladen.</numerusform>
        </translation>
    </message>
    <message>
        <source>cronhelm-history-%1.csv</source>
        <translation>cronhelm-verlauf-%1.csv</translation>
    </message>
    <message>
        <source>Export Run History</source>
        <translation>Laufverlauf exportieren</translation>
    </message>
    <message>
        <source>Exporting the run history…</source>
        <translation>Der Laufverlauf wird exportiert …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Exporting the run history… %L1 runs written.</source>
        <translation>Der Laufverlauf wird exportiert … %L1 Läufe geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) exported to %1.</source>
        <translation>
            <numerusform>%n Lauf nach %1 exportiert.</numerusform>
            <numerusform>%n Läufe nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Der Export wurde abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No runs match these filters.</source>
        <translation>Keine Läufe passen zu diesen Filtern.</translation>
    </message>
    <message>
        <source>CSV for a spreadsheet (*.csv)</source>
        <translation>CSV für eine Tabellenkalkulation (*.csv)</translation>
    </message>
    <message>
        <source>CSV for programs, as cronhelmctl writes it (*.csv)</source>
        <translation>CSV für Programme, wie cronhelmctl es schreibt (*.csv)</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobBehaviourPage</name>
    <message>
        <source>the same each time</source>
        <translation>jedes Mal gleich lang</translation>
    </message>
    <message>
        <source>twice as long each time</source>
        <translation>jedes Mal doppelt so lang</translation>
    </message>
    <message>
        <source>Skip the new run (default)</source>
        <translation>Den neuen Lauf auslassen (Standard)</translation>
    </message>
    <message>
        <source>Start another one alongside</source>
        <translation>Einen weiteren daneben starten</translation>
    </message>
    <message>
        <source>Stop the running one and start anew</source>
        <translation>Den laufenden beenden und neu starten</translation>
    </message>
    <message>
        <source>Run once as soon as possible (default)</source>
        <translation>Einmal so bald wie möglich ausführen (Standard)</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>Auslassen</translation>
    </message>
    <message>
        <source>Run each missed time, at most this many:</source>
        <translation>Jeden verpassten Termin ausführen, höchstens so viele:</translation>
    </message>
    <message>
        <source>any node</source>
        <translation>beliebiger Knoten</translation>
    </message>
    <message>
        <source>Run only on nodes started with all these labels (--labels), comma-separated, e.g. gpu, eu. Empty: any node.</source>
        <translation>Nur auf Knoten ausführen, die mit all diesen Labels gestartet wurden (--labels), durch Kommas getrennt, z. B. gpu, eu. Leer: beliebiger Knoten.</translation>
    </message>
    <message>
        <source>Run on nodes labelled:</source>
        <translation>Auf Knoten mit den Labels ausführen:</translation>
    </message>
    <message>
        <source> days</source>
        <extracomment>Spin box suffix: &quot;Delete its runs after 30 days&quot;</extracomment>
        <translation> Tage</translation>
    </message>
    <message>
        <source> runs</source>
        <extracomment>Spin box suffix: &quot;But keep at least its last 100 runs&quot;</extracomment>
        <translation> Läufe</translation>
    </message>
    <message>
        <source>What is not checked follows the store-wide policy (File → History Retention…).</source>
        <translation>Was nicht angehakt ist, folgt der Richtlinie des ganzen Speichers (Datei → Aufbewahrung des Verlaufs…).</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobChangesModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Header %1</source>
        <extracomment>a changed HTTP header of a job, %1 its name (&quot;Authorization&quot;)</extracomment>
        <translation>Header %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Fortgesetzt</translation>
    </message>
    <message>
        <source>One-off cancelled</source>
        <translation>Einmaliger Termin abgesagt</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <extracomment>a changed field of a job: %1 field, %2 old value, %3 new value</extracomment>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobDetailPane</name>
    <message>
        <source>Select a job to see its recent runs.</source>
        <translation>Wählen Sie einen Auftrag, um seine letzten Läufe zu sehen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent runs of %1&lt;/b&gt; &amp;nbsp; &lt;a href=&quot;#history&quot;&gt;All runs…&lt;/a&gt;</source>
        <translation>&lt;b&gt;Letzte Läufe von %1&lt;/b&gt; &amp;nbsp; &lt;a href=&quot;#history&quot;&gt;Alle Läufe …&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Recent Runs</source>
        <translation>Letzte Läufe</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>The recent runs and the changes of this job could not be read: %1</source>
        <translation>Die letzten Läufe und die Änderungen dieses Jobs konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The recent runs of this job could not be read: %1</source>
        <translation>Die letzten Läufe dieses Jobs konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The changes of this job could not be read: %1</source>
        <translation>Die Änderungen dieses Jobs konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobEditor</name>
    <message>
        <source>New Job</source>
        <translation>Neuer Auftrag</translation>
    </message>
    <message>
        <source>Edit Job “%1”</source>
        <translation>Auftrag „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>New Job from “%1”</source>
        <translation>Neuer Auftrag aus „%1“</translation>
    </message>
    <message>
        <source>Copy of %1</source>
        <translation>Kopie von %1</translation>
    </message>
    <message>
        <source>Job “%1”</source>
        <translation>Auftrag „%1“</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Connected again. You can save the job now.</source>
        <translation>Wieder verbunden. Sie können den Auftrag jetzt speichern.</translation>
    </message>
    <message>
        <source>Not connected to the database. Everything you typed is kept; save when Cronhelm is connected again.</source>
        <translation>Nicht mit der Datenbank verbunden. Alles, was Sie eingegeben haben, bleibt erhalten; speichern Sie, sobald Cronhelm wieder verbunden ist.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Discard your changes and load the job as it is saved now</source>
        <translation>Ihre Änderungen verwerfen und den Auftrag so laden, wie er jetzt gespeichert ist</translation>
    </message>
    <message>
        <source>Someone else saved this job while you were editing it: %1</source>
        <translation>Jemand anderes hat diesen Auftrag gespeichert, während Sie ihn bearbeitet haben: %1</translation>
    </message>
    <message>
        <source>The job was not saved because the connection to the database is lost. Everything you typed is kept; save again when Cronhelm is connected.</source>
        <translation>Der Auftrag wurde nicht gespeichert, weil die Verbindung zur Datenbank verloren ist. Alles, was Sie eingegeben haben, bleibt erhalten; speichern Sie erneut, sobald Cronhelm verbunden ist.</translation>
    </message>
    <message>
        <source>The job was not saved: %1</source>
        <translation>Der Auftrag wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The job could not be loaded: %1</source>
        <translation>Der Auftrag konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Loaded version %1, saved by %2 on %3. Your changes were discarded.</source>
        <translation>Version %1 geladen, gespeichert von %2 am %3. Ihre Änderungen wurden verworfen.</translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Discard your changes to this job?</source>
        <translation>Ihre Änderungen an diesem Auftrag verwerfen?</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>What to Run</source>
        <translation>Was ausführen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Verhalten</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 the tab&apos;s title (&quot;When&quot;), %2 the problem</extracomment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobGeneralPage</name>
    <message>
        <source>A job named “%1” already exists. Names must differ in more than letter case.</source>
        <translation>Es gibt bereits einen Auftrag namens „%1“. Namen müssen sich nicht nur in der Groß-/Kleinschreibung unterscheiden.</translation>
    </message>
    <message>
        <source>A job named “%1” already exists. Choose a name that tells them apart.</source>
        <translation>Es gibt bereits einen Auftrag namens „%1“. Wählen Sie einen Namen, der die beiden unterscheidet.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobNotifyPage</name>
    <message>
        <source>Slack</source>
        <translation>Slack</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobSchedulePage</name>
    <message>
        <source>Use the schedule builder</source>
        <translation>Zeitplan-Baukasten verwenden</translation>
    </message>
    <message>
        <source>Every few minutes</source>
        <translation>Alle paar Minuten</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>Jede Stunde</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Jeden Tag</translation>
    </message>
    <message>
        <source>Every weekday (Monday to Friday)</source>
        <translation>Jeden Werktag (Montag bis Freitag)</translation>
    </message>
    <message>
        <source>Every week, on chosen days</source>
        <translation>Jede Woche, an gewählten Tagen</translation>
    </message>
    <message>
        <source>Every month, on one day</source>
        <translation>Jeden Monat, an einem Tag</translation>
    </message>
    <message>
        <source>On the last weekday of every month</source>
        <translation>Am letzten Werktag jedes Monats</translation>
    </message>
    <message>
        <source>Advanced: a cron expression</source>
        <translation>Erweitert: ein Cron-Ausdruck</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Show what each part of the cron expression means</source>
        <translation>Zeigen, was jeder Teil des Cron-Ausdrucks bedeutet</translation>
    </message>
    <message>
        <source>A schedule is five parts separated by spaces: minute, hour, day of the month, month and day of the week. For example, “30 7 * * *” runs every day at 07:30.</source>
        <translation>Ein Zeitplan besteht aus fünf durch Leerzeichen getrennten Teilen: Minute, Stunde, Monatstag, Monat und Wochentag. „30 7 * * *“ läuft zum Beispiel jeden Tag um 07:30.</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>Minute</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>day of the month</source>
        <translation>Monatstag</translation>
    </message>
    <message>
        <source>month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>day of the week</source>
        <translation>Wochentag</translation>
    </message>
    <message>
        <source>0–59</source>
        <translation>0–59</translation>
    </message>
    <message>
        <source>0–23</source>
        <translation>0–23</translation>
    </message>
    <message>
        <source>1–31</source>
        <translation>1–31</translation>
    </message>
    <message>
        <source>1–12 or JAN–DEC</source>
        <translation>1–12 oder JAN–DEC</translation>
    </message>
    <message>
        <source>0–7 or SUN–SAT (0 and 7 are Sunday)</source>
        <translation>0–7 oder SUN–SAT (0 und 7 sind Sonntag)</translation>
    </message>
    <message>
        <source>A cron expression has five parts:</source>
        <translation>Ein Cron-Ausdruck hat fünf Teile:</translation>
    </message>
    <message>
        <source>In each part: * means every value, 1-5 a range, 1,15 a list, */10 every tenth. In the day of the month, L is the last day and LW the last weekday; in the day of the week, 5L is the last Friday and 1#2 the second Monday.</source>
        <translation>In jedem Teil bedeutet * jeden Wert, 1-5 einen Bereich, 1,15 eine Liste, */10 jeden zehnten Wert. Im Monatstag ist L der letzte Tag und LW der letzte Werktag; im Wochentag ist 5L der letzte Freitag und 1#2 der zweite Montag.</translation>
    </message>
    <message>
        <source>Examples: “0 9 * * 1-5” at 09:00 on Monday to Friday; “*/15 * * * *” every 15 minutes; “0 18 L * *” at 18:00 on the last day of every month.</source>
        <translation>Beispiele: „0 9 * * 1-5“ um 09:00 von Montag bis Freitag; „*/15 * * * *“ alle 15 Minuten; „0 18 L * *“ um 18:00 am letzten Tag jedes Monats.</translation>
    </message>
    <message>
        <source>Choose at least one day.</source>
        <translation>Wählen Sie mindestens einen Tag.</translation>
    </message>
    <message>
        <source>“%1” is not a time of day. Type it like 07:30.</source>
        <translation>„%1“ ist keine Uhrzeit. Geben Sie sie im Format 07:30 ein.</translation>
    </message>
    <message>
        <source>%1 Choose a time that exists there.</source>
        <extracomment>%1 why the time does not exist (from the time-zone engine)</extracomment>
        <translation>%1 Wählen Sie eine Uhrzeit, die es dort gibt.</translation>
    </message>
    <message>
        <source>%1 %2, which is %3 for you</source>
        <extracomment>%1 time in the job&apos;s zone, %2 its abbreviation, %3 the same moment for the user</extracomment>
        <translation>%1 %2, das ist bei Ihnen %3</translation>
    </message>
    <message>
        <source>The first time: %1</source>
        <translation>Das erste Mal: %1</translation>
    </message>
    <message>
        <source>The second time: %1</source>
        <translation>Das zweite Mal: %1</translation>
    </message>
    <message>
        <source>%1 Choose which one you mean.</source>
        <translation>%1 Wählen Sie, welche Sie meinen.</translation>
    </message>
    <message>
        <source>This time has already passed. Choose a time in the future.</source>
        <translation>Diese Zeit ist schon vorbei. Wählen Sie eine Zeit in der Zukunft.</translation>
    </message>
    <message>
        <source>That is %1 for you.</source>
        <translation>Das ist bei Ihnen %1.</translation>
    </message>
    <message>
        <source>Months without day %1 are skipped.</source>
        <translation>Monate ohne einen %1. Tag werden ausgelassen.</translation>
    </message>
    <message>
        <source>It never runs.</source>
        <translation>Er läuft nie.</translation>
    </message>
    <message>
        <source>Once, on %1 (%2).</source>
        <translation>Einmal, am %1 (%2).</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>%1 date and time, %2 time zone abbreviation</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>That time has passed: it does not run again.</source>
        <translation>Dieser Zeitpunkt ist vorbei: der Auftrag läuft nicht noch einmal.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobTargetPage</name>
    <message>
        <source>HTTP request</source>
        <translation>HTTP-Anfrage</translation>
    </message>
    <message>
        <source>Shell command</source>
        <translation>Shell-Befehl</translation>
    </message>
    <message>
        <source>A shell command runs on the scheduler nodes with their permissions. Only members of cronhelm_shell_admin can create shell jobs or change their commands. Write ${env:CRONHELM_SECRET_NAME} to use a secret the nodes&apos; operator declared; the command receives it as an environment variable, never as text.</source>
        <translation>Ein Shell-Befehl läuft auf den Scheduler-Knoten mit deren Rechten. Nur Mitglieder von cronhelm_shell_admin können Shell-Aufträge anlegen oder ihre Befehle ändern. Schreiben Sie ${env:CRONHELM_SECRET_NAME}, um ein Geheimnis zu verwenden, das der Betreiber der Knoten eingerichtet hat; der Befehl erhält es als Umgebungsvariable, nie als Text.</translation>
    </message>
    <message>
        <source>The run counts as failed when the response body matches this regular expression, even with a good status.</source>
        <translation>Der Lauf gilt als fehlgeschlagen, wenn der Antworttext auf diesen regulären Ausdruck passt, auch bei gutem Status.</translation>
    </message>
    <message>
        <source>%1 holds a credential in plain text: every administrator can read it and every backup keeps it. Write ${env:CRONHELM_SECRET_NAME} instead and have the nodes&apos; operator declare it.</source>
        <translation>%1 enthält Zugangsdaten im Klartext: Jeder Administrator kann sie lesen, und jede Sicherung bewahrt sie auf. Schreiben Sie stattdessen ${env:CRONHELM_SECRET_NAME} und lassen Sie das Geheimnis vom Betreiber der Knoten einrichten.</translation>
    </message>
    <message>
        <source>Runs the program directly: %1</source>
        <translation>Startet das Programm direkt: %1</translation>
    </message>
    <message>
        <source>Enter the web address to call, starting with https:// or http://.</source>
        <translation>Geben Sie die aufzurufende Webadresse ein, beginnend mit https:// oder http://.</translation>
    </message>
    <message>
        <source>Enter the command to run.</source>
        <translation>Geben Sie den auszuführenden Befehl ein.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Nächster Lauf</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Letztes Ergebnis</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Cron expression &quot;%1&quot; in %2</source>
        <translation>Cron-Ausdruck „%1“ in %2</translation>
    </message>
    <message>
        <source>Once, at %1 in %2</source>
        <translation>Einmal, um %1 in %2</translation>
    </message>
    <message>
        <source>This job has not run yet.</source>
        <translation>Dieser Auftrag ist noch nicht gelaufen.</translation>
    </message>
    <message>
        <source>Run %1 started %2.</source>
        <translation>Lauf %1 gestartet %2.</translation>
    </message>
    <message>
        <source>Run %1 finished %2.</source>
        <translation>Lauf %1 beendet %2.</translation>
    </message>
    <message>
        <source>Running for %1 so far.</source>
        <translation>Läuft seit %1.</translation>
    </message>
    <message>
        <source>Paused by %1.</source>
        <translation>Angehalten von %1.</translation>
    </message>
    <message>
        <source>Schedule problem</source>
        <translation>Problem im Zeitplan</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Once on %1 (%2)</source>
        <translation>Einmal am %1 (%2)</translation>
    </message>
    <message>
        <source>No live node has the labels %1: this job&apos;s runs wait, queued, until one does.</source>
        <translation>Kein aktiver Knoten hat die Labels %1: Die Läufe dieses Auftrags warten in der Warteschlange, bis es einen solchen Knoten gibt.</translation>
    </message>
    <message>
        <source>No node to run on</source>
        <translation>Kein Knoten zum Ausführen</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobsView</name>
    <message>
        <source>Filter jobs by name, owner, description or schedule</source>
        <translation>Aufträge nach Name, Verantwortlichen, Beschreibung oder Zeitplan filtern</translation>
    </message>
    <message>
        <source>&amp;New Job…</source>
        <translation>&amp;Neuer Auftrag …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>&amp;Duplizieren …</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>&amp;Run Now</source>
        <translation>&amp;Jetzt ausführen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Notify Me When It Fails</source>
        <translation>Bei Fehlschlag &amp;benachrichtigen</translation>
    </message>
    <message>
        <source>Not connected to the database.</source>
        <translation>Nicht mit der Datenbank verbunden.</translation>
    </message>
    <message>
        <source>Select a job first.</source>
        <translation>Wählen Sie zuerst einen Auftrag.</translation>
    </message>
    <message>
        <source>Create a new job</source>
        <translation>Einen neuen Auftrag anlegen</translation>
    </message>
    <message>
        <source>Change the selected job</source>
        <translation>Den gewählten Auftrag ändern</translation>
    </message>
    <message>
        <source>Create a new job from a copy of the selected one</source>
        <translation>Einen neuen Auftrag als Kopie des gewählten anlegen</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Let the selected job run on its schedule again</source>
        <translation>Den gewählten Auftrag wieder nach seinem Zeitplan laufen lassen</translation>
    </message>
    <message>
        <source>Stop the selected job from running on its schedule</source>
        <translation>Den gewählten Auftrag nicht mehr nach seinem Zeitplan laufen lassen</translation>
    </message>
    <message>
        <source>Start the selected job now, outside its schedule</source>
        <translation>Den gewählten Auftrag jetzt starten, außerhalb seines Zeitplans</translation>
    </message>
    <message>
        <source>Delete the selected job (its run history stays)</source>
        <translation>Den gewählten Auftrag löschen (sein Laufverlauf bleibt erhalten)</translation>
    </message>
    <message>
        <source>Load all jobs again</source>
        <translation>Alle Aufträge neu laden</translation>
    </message>
    <message>
        <source>Show a desktop notification when this job fails</source>
        <translation>Eine Desktop-Benachrichtigung zeigen, wenn dieser Auftrag fehlschlägt</translation>
    </message>
    <message>
        <source>Pausing &quot;%1&quot; failed.</source>
        <translation>„%1“ konnte nicht angehalten werden.</translation>
    </message>
    <message>
        <source>Resuming &quot;%1&quot; failed.</source>
        <translation>„%1“ konnte nicht fortgesetzt werden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be started.</source>
        <translation>„%1“ konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Delete Job</source>
        <translation>Auftrag löschen</translation>
    </message>
    <message>
        <source>Delete the job &quot;%1&quot;?</source>
        <translation>Den Auftrag „%1“ löschen?</translation>
    </message>
    <message>
        <source>It will not run again. Its run history stays readable. A run in progress finishes and is recorded.</source>
        <translation>Er läuft dann nicht mehr. Sein Laufverlauf bleibt lesbar. Ein laufender Lauf wird zu Ende geführt und aufgezeichnet.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleting &quot;%1&quot; failed.</source>
        <translation>„%1“ konnte nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>%1 what failed, %2 the database&apos;s reason</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>No job matches “%1”.</source>
        <translation>Kein Auftrag passt zu „%1“.</translation>
    </message>
    <message>
        <source>No jobs yet. Use New Job (%1) to create the first one.</source>
        <translation>Noch keine Aufträge. Legen Sie mit „Neuer Auftrag“ (%1) den ersten an.</translation>
    </message>
    <message>
        <source>No jobs yet. An administrator can create them.</source>
        <translation>Noch keine Aufträge. Ein Administrator kann sie anlegen.</translation>
    </message>
    <message>
        <source>Failing first</source>
        <translation>Fehlgeschlagene zuerst</translation>
    </message>
    <message>
        <source>Show only the jobs whose last run failed, timed out or was abandoned</source>
        <translation>Nur die Aufträge zeigen, deren letzter Lauf fehlgeschlagen, abgelaufen oder verwaist ist</translation>
    </message>
    <message>
        <source>List the failing jobs at the top, whatever the sort</source>
        <translation>Fehlgeschlagene Aufträge oben auflisten, unabhängig von der Sortierung</translation>
    </message>
    <message>
        <source>Failing (%1)</source>
        <extracomment>the Jobs tab&apos;s filter button; %1 how many jobs are failing</extracomment>
        <translation>Fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>No job is failing.</source>
        <translation>Kein Auftrag ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::LeadershipModel</name>
    <message>
        <source>Term</source>
        <translation>Amtszeit</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Ausführender Knoten</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Previous executor</source>
        <translation>Vorheriger ausführender Knoten</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>first executor</source>
        <translation>erster ausführender Knoten</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>übergeben</translation>
    </message>
    <message>
        <source>previous lease expired</source>
        <translation>vorherige Berechtigung abgelaufen</translation>
    </message>
    <message>
        <source>previous executor disappeared</source>
        <translation>vorheriger ausführender Knoten verschwunden</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Cronhelm::Local</name>
    <message>
        <source>The local store needs the PostgreSQL server programs (initdb, pg_ctl), but they are not in %1 (CRONHELM_PG_BINDIR). Install the PostgreSQL server package (sudo apt install postgresql) or correct CRONHELM_PG_BINDIR.</source>
        <translation>Der lokale Speicher braucht die PostgreSQL-Serverprogramme (initdb, pg_ctl), aber sie sind nicht in %1 (CRONHELM_PG_BINDIR). Installieren Sie das PostgreSQL-Serverpaket (sudo apt install postgresql) oder korrigieren Sie CRONHELM_PG_BINDIR.</translation>
    </message>
    <message>
        <source>The local store in %1 was made with PostgreSQL %2, whose server programs are not installed. Install them (sudo apt install postgresql-%2) and try again.</source>
        <translation>Der lokale Speicher in %1 wurde mit PostgreSQL %2 angelegt, dessen Serverprogramme nicht installiert sind. Installieren Sie sie (sudo apt install postgresql-%2) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The local store needs the PostgreSQL server programs (initdb, pg_ctl), which are not installed on this computer. Install the PostgreSQL server package (sudo apt install postgresql) and try again.</source>
        <translation>Der lokale Speicher braucht die PostgreSQL-Serverprogramme (initdb, pg_ctl), die auf diesem Computer nicht installiert sind. Installieren Sie das PostgreSQL-Serverpaket (sudo apt install postgresql) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Preparing the local store in %1…</source>
        <translation>Der lokale Speicher in %1 wird vorbereitet…</translation>
    </message>
    <message>
        <source>Creating the local store (the first start takes a few seconds)…</source>
        <translation>Der lokale Speicher wird angelegt (der erste Start dauert einige Sekunden)…</translation>
    </message>
    <message>
        <source>Using the local database server that is already running.</source>
        <translation>Der bereits laufende lokale Datenbankserver wird verwendet.</translation>
    </message>
    <message>
        <source>Starting the local database server…</source>
        <translation>Der lokale Datenbankserver wird gestartet…</translation>
    </message>
    <message>
        <source>Bringing the local store&apos;s schema up to date…</source>
        <translation>Das Schema des lokalen Speichers wird aktualisiert…</translation>
    </message>
    <message>
        <source>The folder %1 for the local store cannot be created.</source>
        <translation>Der Ordner %1 für den lokalen Speicher kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The local store&apos;s server runs as the &apos;postgres&apos; user, which cannot enter the folder %1. Choose a data folder that other users can enter with CRONHELM_LOCAL_DIR (for example under /var/lib).</source>
        <translation>Der Server des lokalen Speichers läuft als Benutzer „postgres“, der den Ordner %1 nicht betreten kann. Wählen Sie mit CRONHELM_LOCAL_DIR einen Datenordner, den andere Benutzer betreten können (zum Beispiel unter /var/lib).</translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation>Die Datei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The local store&apos;s folder %1 is too deep: the database server&apos;s socket path would be %2 bytes long, but the system allows at most %3. Choose a shorter folder with CRONHELM_LOCAL_DIR.</source>
        <translation>Der Ordner %1 des lokalen Speichers liegt zu tief: Der Socket-Pfad des Datenbankservers wäre %2 Bytes lang, das System erlaubt höchstens %3. Wählen Sie mit CRONHELM_LOCAL_DIR einen kürzeren Ordner.</translation>
    </message>
    <message>
        <source>The local store&apos;s folder %1 contains a quote character, which the database server cannot use. Choose another folder with CRONHELM_LOCAL_DIR.</source>
        <translation>Der Ordner %1 des lokalen Speichers enthält ein Anführungszeichen, das der Datenbankserver nicht verwenden kann. Wählen Sie mit CRONHELM_LOCAL_DIR einen anderen Ordner.</translation>
    </message>
    <message>
        <source>Creating the local store failed (initdb):
%1</source>
        <translation>Das Anlegen des lokalen Speichers ist fehlgeschlagen (initdb):
%1</translation>
    </message>
    <message>
        <source>The local database server did not start. Its log says:
%1</source>
        <translation>Der lokale Datenbankserver ist nicht gestartet. Sein Protokoll sagt:
%1</translation>
    </message>
    <message>
        <source>Cannot connect to the local database server: %1</source>
        <translation>Keine Verbindung zum lokalen Datenbankserver möglich: %1</translation>
    </message>
    <message>
        <source>The cronhelm database cannot be created in the local store: %1</source>
        <translation>Die Datenbank cronhelm kann im lokalen Speicher nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>The schema of the local store cannot be brought up to date: %1</source>
        <translation>Das Schema des lokalen Speichers kann nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>The local database server did not stop: %1</source>
        <translation>Der lokale Datenbankserver hat nicht angehalten: %1</translation>
    </message>
    <message>
        <source>runuser is not installed; it is needed to run the database server as the &apos;postgres&apos; user.</source>
        <translation>runuser ist nicht installiert; es wird gebraucht, um den Datenbankserver als Benutzer „postgres“ auszuführen.</translation>
    </message>
    <message>
        <source>%1 cannot be run: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 did not finish within %n seconds.</source>
        <translation>
            <numerusform>%1 wurde nicht innerhalb von %n Sekunde beendet.</numerusform>
            <numerusform>%1 wurde nicht innerhalb von %n Sekunden beendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>As root, the local store&apos;s server runs as the &apos;postgres&apos; user, but there is no such user. Install the PostgreSQL server package (sudo apt install postgresql).</source>
        <translation>Als root läuft der Server des lokalen Speichers als Benutzer „postgres“, aber diesen Benutzer gibt es nicht. Installieren Sie das PostgreSQL-Serverpaket (sudo apt install postgresql).</translation>
    </message>
    <message>
        <source>The folder %1 cannot be given to the &apos;postgres&apos; user.</source>
        <translation>Der Ordner %1 kann dem Benutzer „postgres“ nicht übergeben werden.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be opened to the &apos;postgres&apos; user alone.</source>
        <translation>Der Ordner %1 kann nicht allein für den Benutzer „postgres“ geöffnet werden.</translation>
    </message>
    <message>
        <source>The local database server did not reload its access rules: %1</source>
        <translation>Der lokale Datenbankserver hat seine Zugriffsregeln nicht neu geladen: %1</translation>
    </message>
    <message>
        <source>The local database server did not reload its access rules in time: %1</source>
        <translation>Der lokale Datenbankserver hat seine Zugriffsregeln nicht rechtzeitig neu geladen: %1</translation>
    </message>
    <message>
        <source>The local store&apos;s %1 cannot be closed to other users.</source>
        <translation>%1 des lokalen Speichers kann nicht für andere Benutzer gesperrt werden.</translation>
    </message>
    <message>
        <source>The local store&apos;s %1 is a symbolic link; refusing to use it. Remove it, or choose another data folder with CRONHELM_LOCAL_DIR.</source>
        <translation>%1 des lokalen Speichers ist ein symbolischer Link; er wird nicht verwendet. Entfernen Sie ihn oder wählen Sie mit CRONHELM_LOCAL_DIR einen anderen Datenordner.</translation>
    </message>
    <message>
        <source>The local store&apos;s folder %1 belongs to another user; refusing to use it. Choose another data folder with CRONHELM_LOCAL_DIR.</source>
        <translation>Der Ordner %1 des lokalen Speichers gehört einem anderen Benutzer; er wird nicht verwendet. Wählen Sie mit CRONHELM_LOCAL_DIR einen anderen Datenordner.</translation>
    </message>
    <message>
        <source>The local store&apos;s %1 is not a plain file; refusing to write it.</source>
        <translation>%1 des lokalen Speichers ist keine gewöhnliche Datei; sie wird nicht geschrieben.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::LocalStack</name>
    <message>
        <source>The local store is stopping. Try again in a moment.</source>
        <translation>Der lokale Speicher wird gerade angehalten. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Starting the scheduler node %1…</source>
        <translation>Der Scheduler-Knoten %1 wird gestartet…</translation>
    </message>
    <message>
        <source>The local scheduler node stopped (code %1), so the local jobs do not run. Its log is in %2.</source>
        <extracomment>%1 the node&apos;s exit code, %2 its log file</extracomment>
        <translation>Der lokale Scheduler-Knoten wurde beendet (Code %1), daher laufen die lokalen Aufträge nicht. Sein Protokoll liegt in %2.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::LocalStoreController</name>
    <message>
        <source>The local store could not be started. %1</source>
        <translation>Der lokale Speicher konnte nicht gestartet werden. %1</translation>
    </message>
    <message>
        <source>Starting the local store on this computer…</source>
        <translation>Der lokale Speicher auf diesem Computer wird gestartet…</translation>
    </message>
</context>
<context>
    <name>Cronhelm::LogViewer</name>
    <message>
        <source>&amp;Follow output</source>
        <translation>Ausgabe &amp;folgen</translation>
    </message>
    <message>
        <source>Jump to &amp;End</source>
        <translation>Zum &amp;Ende springen</translation>
    </message>
    <message>
        <source>&amp;Cancel Run</source>
        <translation>Lauf a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Match c&amp;ase</source>
        <translation>Groß-/Kleinschreibung &amp;beachten</translation>
    </message>
    <message>
        <source>Log of Run %1</source>
        <translation>Protokoll von Lauf %1</translation>
    </message>
    <message>
        <source>Find in log</source>
        <translation>Im Protokoll suchen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Find the previous match (Shift+F3)</source>
        <translation>Vorherigen Treffer suchen (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Find the next match (F3)</source>
        <translation>Nächsten Treffer suchen (F3)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Keep showing the newest output. Scrolling up pauses this.</source>
        <translation>Immer die neueste Ausgabe zeigen. Nach oben blättern unterbricht das.</translation>
    </message>
    <message>
        <source>The run could not be cancelled: %1</source>
        <translation>Der Lauf konnte nicht abgebrochen werden: %1</translation>
    </message>
    <message>
        <source>The log could not be loaded: %1</source>
        <translation>Das Protokoll konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>Log of Run %1 — %2</source>
        <translation>Protokoll von Lauf %1 — %2</translation>
    </message>
    <message>
        <source>%1 — run %2: %3</source>
        <translation>%1 — Lauf %2: %3</translation>
    </message>
    <message>
        <source>Scheduled for %1</source>
        <translation>Geplant für %1</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>gestartet %1</translation>
    </message>
    <message>
        <source>finished %1</source>
        <translation>beendet %1</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>Dauer %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Stop this run</source>
        <translation>Diesen Lauf beenden</translation>
    </message>
    <message>
        <source>The output of this run was cut at its log limit: only the first part was kept. The end of the output is missing below.</source>
        <translation>Die Ausgabe dieses Laufs wurde an der Protokollgrenze abgeschnitten: Nur der erste Teil wurde behalten. Das Ende der Ausgabe fehlt unten.</translation>
    </message>
    <message>
        <source>——— output truncated here: the rest was not kept ———</source>
        <translation>——— Ausgabe hier abgeschnitten: der Rest wurde nicht behalten ———</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>run-%1.log</source>
        <translation>lauf-%1.log</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>Protokolldateien (*.log *.txt)</translation>
    </message>
    <message>
        <source>The log cannot be saved to %1: %2</source>
        <translation>Das Protokoll kann nicht nach %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The log was saved to %1.</source>
        <translation>Das Protokoll wurde nach %1 gespeichert.</translation>
    </message>
    <message>
        <source>queued: %1</source>
        <translation>wartet: %1</translation>
    </message>
</context>
<context>
    <name>Cronhelm::MainWindow</name>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Aufträge</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Upcoming</source>
        <translation>&amp;Demnächst</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>&amp;Cluster</translation>
    </message>
    <message>
        <source>Show Log</source>
        <translation>Protokoll anzeigen</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Verbinden …</translation>
    </message>
    <message>
        <source>Cronhelm could not connect to the database. %1</source>
        <translation>Cronhelm konnte sich nicht mit der Datenbank verbinden. %1</translation>
    </message>
    <message>
        <source>Connected again. The lists are up to date.</source>
        <translation>Wieder verbunden. Die Listen sind aktuell.</translation>
    </message>
    <message>
        <source>The jobs could not be loaded: %1</source>
        <translation>Die Aufträge konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>“%1” was started as run %2.</source>
        <translation>„%1“ wurde als Lauf %2 gestartet.</translation>
    </message>
    <message>
        <source>The password was not saved. %1</source>
        <translation>Das Passwort wurde nicht gespeichert. %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connect to Database…</source>
        <translation>Mit Datenbank &amp;verbinden …</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>Verbindung &amp;trennen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation>A&amp;uftrag</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Filter Jobs</source>
        <translation>Aufträge &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Cronhelm</source>
        <translation>&amp;Über Cronhelm</translation>
    </message>
    <message>
        <source>About Cronhelm</source>
        <translation>Über Cronhelm</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Cronhelm %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Highly available cron for teams: see every job, every run and its log, and run jobs yourself.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Cronhelm %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Hochverfügbares Cron für Teams: Sehen Sie jeden Auftrag, jeden Lauf und sein Protokoll, und starten Sie Aufträge selbst.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Not connected to a database. Connect to see your jobs.</source>
        <translation>Nicht mit einer Datenbank verbunden. Verbinden Sie sich, um Ihre Aufträge zu sehen.</translation>
    </message>
    <message>
        <source>Connected to the local store on this computer. Its jobs run while Cronhelm is open.</source>
        <translation>Mit dem lokalen Speicher auf diesem Computer verbunden. Seine Aufträge laufen, solange Cronhelm geöffnet ist.</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Jobs whose last run failed, timed out or was abandoned. Click to list them.</source>
        <translation>Aufträge, deren letzter Lauf fehlgeschlagen, abgelaufen oder verwaist ist. Klicken Sie, um sie aufzulisten.</translation>
    </message>
    <message>
        <source>History &amp;Retention…</source>
        <translation>&amp;Aufbewahrung des Verlaufs …</translation>
    </message>
    <message>
        <source>How long the run history is kept</source>
        <translation>Wie lange der Laufverlauf aufbewahrt wird</translation>
    </message>
    <message>
        <source>Deleted &amp;Jobs…</source>
        <translation>&amp;Gelöschte Aufträge …</translation>
    </message>
    <message>
        <source>See deleted jobs and restore one</source>
        <translation>Gelöschte Aufträge ansehen und einen wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>%1 took over running jobs from %2, which stopped responding at %3.</source>
        <extracomment>%1 new node, %2 old node, %3 time of its last heartbeat</extracomment>
        <translation>%1 hat die Ausführung der Aufträge von %2 übernommen, der um %3 nicht mehr reagiert hat.</translation>
    </message>
    <message>
        <source>%1 took over running jobs from %2, which stopped responding.</source>
        <translation>%1 hat die Ausführung der Aufträge von %2 übernommen, der nicht mehr reagiert hat.</translation>
    </message>
    <message>
        <source>Jobs now run on %1</source>
        <translation>Aufträge laufen jetzt auf %1</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Jobs (%n failing)</source>
        <translation>
            <numerusform>&amp;Aufträge (%n fehlgeschlagen)</numerusform>
            <numerusform>&amp;Aufträge (%n fehlgeschlagen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failing</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cronhelm::MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
</context>
<context>
    <name>Cronhelm::Models</name>
    <message>
        <source>The server refused the password. Check the user name and the password.</source>
        <translation>Der Server hat das Passwort abgelehnt. Prüfen Sie Benutzername und Passwort.</translation>
    </message>
    <message>
        <source>The server asks for a password, but none was given.</source>
        <translation>Der Server verlangt ein Passwort, aber es wurde keines angegeben.</translation>
    </message>
    <message>
        <source>The database does not exist on this server. Check the database name.</source>
        <translation>Die Datenbank gibt es auf diesem Server nicht. Prüfen Sie den Datenbanknamen.</translation>
    </message>
    <message>
        <source>The CA certificate file cannot be read. Choose the CA file your administrator gave you.</source>
        <translation>Die CA-Zertifikatsdatei kann nicht gelesen werden. Wählen Sie die CA-Datei, die Sie von Ihrer Administration erhalten haben.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was issued for a different host name. Use the host name written in the certificate.</source>
        <translation>Das Zertifikat des Servers wurde für einen anderen Rechnernamen ausgestellt. Verwenden Sie den Namen, der im Zertifikat steht.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified with the CA file. Check that you chose the right CA file.</source>
        <translation>Das Zertifikat des Servers konnte mit der CA-Datei nicht geprüft werden. Prüfen Sie, ob Sie die richtige CA-Datei gewählt haben.</translation>
    </message>
    <message>
        <source>The server does not offer TLS, but the connection requires it.</source>
        <translation>Der Server bietet kein TLS an, die Verbindung verlangt es aber.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the host name and port, and that this computer is on the right network (VPN).</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie Rechnername und Port und ob dieser Rechner im richtigen Netz ist (VPN).</translation>
    </message>
    <message>
        <source>%1

Details: %2</source>
        <extracomment>%1 the explanation, %2 the database library&apos;s own message</extracomment>
        <translation>%1

Einzelheiten: %2</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeit überschritten</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Verwaist</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ausgelassen</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Never ran</source>
        <translation>Noch nie gelaufen</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Jetzt ausführen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>Catch-up</source>
        <translation>Nachholen</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy HH:mm:ss</source>
        <extracomment>Date and time format (Qt QDateTime format), e.g. &quot;Tue 3 Mar 2026 14:05&quot;</extracomment>
        <translation>ddd d. MMM yyyy HH:mm:ss</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy HH:mm</source>
        <translation>ddd d. MMM yyyy HH:mm</translation>
    </message>
    <message>
        <source>ddd d MMM HH:mm</source>
        <extracomment>Short date and time format for tables (Qt QDateTime format)</extracomment>
        <translation>ddd d. MMM HH:mm</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (%2 %3 in %4)</source>
        <extracomment>%1 the time in the viewer&apos;s zone, %2 the time in the job&apos;s zone, %3 its abbreviation, %4 the job&apos;s zone id</extracomment>
        <translation>%1 (%2 %3 in %4)</translation>
    </message>
    <message>
        <source>%1 (%2 %3)</source>
        <extracomment>%1 the time in the viewer&apos;s zone, %2 the time in the job&apos;s zone, %3 the job zone&apos;s city</extracomment>
        <translation>%1 (%2 %3)</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <source>no Cronhelm role</source>
        <translation>ohne Cronhelm-Rolle</translation>
    </message>
    <message>
        <source>You are signed in as %1. Running, pausing and resuming jobs needs the cronhelm_operator or cronhelm_admin role.</source>
        <translation>Sie sind als %1 angemeldet. Zum Ausführen, Anhalten und Fortsetzen von Aufträgen ist die Rolle cronhelm_operator oder cronhelm_admin nötig.</translation>
    </message>
    <message>
        <source>You are signed in as %1. Creating, changing and deleting jobs needs the cronhelm_admin role.</source>
        <translation>Sie sind als %1 angemeldet. Zum Anlegen, Ändern und Löschen von Aufträgen ist die Rolle cronhelm_admin nötig.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>Getrennt.</translation>
    </message>
    <message>
        <source>The connection to the database is lost; Cronhelm is reconnecting. Try again when it is back.</source>
        <translation>Die Verbindung zur Datenbank ist verloren; Cronhelm verbindet sich neu. Versuchen Sie es erneut, sobald sie wieder besteht.</translation>
    </message>
    <message>
        <source>Not connected to a Cronhelm database.</source>
        <translation>Nicht mit einer Cronhelm-Datenbank verbunden.</translation>
    </message>
    <message>
        <source>The server closed the connection.</source>
        <translation>Der Server hat die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation>Die Datei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The server refused this login. Check the user name, the password and the database name, or ask the database administrator whether this computer may connect.</source>
        <translation>Der Server hat diese Anmeldung abgelehnt. Prüfen Sie Benutzername, Passwort und Datenbankname, oder fragen Sie den Datenbankadministrator, ob sich dieser Computer verbinden darf.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source> · </source>
        <extracomment>separates the parts of a run&apos;s result (&quot;HTTP 502 · Bad gateway&quot;)</extracomment>
        <translation> · </translation>
    </message>
    <message>
        <source>A shell command runs on every scheduler node, so creating or changing one needs the cronhelm_shell_admin role.</source>
        <translation>Ein Shell-Befehl läuft auf jedem Scheduler-Knoten, daher ist zum Anlegen oder Ändern die Rolle cronhelm_shell_admin nötig.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>a column title of the spreadsheet export and its time zone: &quot;Started (Europe/Berlin)&quot;</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>You are signed in as %1. Changing how long the run history is kept needs the cronhelm_admin role.</source>
        <translation>Sie sind als %1 angemeldet. Um zu ändern, wie lange der Laufverlauf aufbewahrt wird, ist die Rolle cronhelm_admin nötig.</translation>
    </message>
    <message>
        <source>The server does not let this user in from this computer: the user may not exist or may not log in, or the server does not accept connections from here for this user and database (pg_hba.conf). Check the user name, or ask the database administrator.</source>
        <translation>Der Server lässt diesen Benutzer von diesem Computer aus nicht herein: Der Benutzer existiert vielleicht nicht oder darf sich nicht anmelden, oder der Server nimmt von hier keine Verbindungen für diesen Benutzer und diese Datenbank an (pg_hba.conf). Prüfen Sie den Benutzernamen oder fragen Sie die Datenbankadministration.</translation>
    </message>
    <message>
        <source>This user may not connect to this database. Ask the database administrator to grant it CONNECT.</source>
        <translation>Dieser Benutzer darf sich nicht mit dieser Datenbank verbinden. Bitten Sie die Datenbankadministration, ihm CONNECT zu gewähren.</translation>
    </message>
    <message>
        <source>The server has no connection to spare right now (too many clients, or this user&apos;s connection limit is reached).</source>
        <translation>Der Server hat gerade keine Verbindung frei (zu viele Clients, oder das Verbindungslimit dieses Benutzers ist erreicht).</translation>
    </message>
    <message>
        <source>The server is starting up or shutting down.</source>
        <translation>Der Server startet gerade oder fährt herunter.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::PasswordStore</name>
    <message>
        <source>No password is stored for this connection.</source>
        <translation>Für diese Verbindung ist kein Passwort gespeichert.</translation>
    </message>
    <message>
        <source>Access to the system keychain was refused (%1).</source>
        <translation>Der Zugriff auf den Schlüsselbund des Systems wurde verweigert (%1).</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1). Cronhelm does not store passwords anywhere else, so it will ask for the password each session.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar (%1). Cronhelm speichert Passwörter nirgendwo anders und fragt daher in jeder Sitzung nach dem Passwort.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::RetentionDialog</name>
    <message>
        <source>Runs and their output are deleted once they are older than the days below, except the last runs of each job. A job can set its own values. The executor deletes them in small batches, without delaying any job.</source>
        <translation>Läufe und ihre Ausgabe werden gelöscht, sobald sie älter als die unten angegebenen Tage sind, außer den letzten Läufen jedes Auftrags. Ein Auftrag kann eigene Werte festlegen. Der ausführende Knoten löscht sie in kleinen Portionen, ohne einen Auftrag zu verzögern.</translation>
    </message>
    <message>
        <source> days</source>
        <extracomment>Spin box suffix: &quot;365 days&quot;</extracomment>
        <translation> Tage</translation>
    </message>
    <message>
        <source> runs of each job</source>
        <extracomment>Spin box suffix: &quot;100 runs of each job&quot;</extracomment>
        <translation> Läufe je Auftrag</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>The retention policy could not be read: %1</source>
        <translation>Die Aufbewahrungsregeln konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The retention policy was not saved: %1</source>
        <translation>Die Aufbewahrungsregeln wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Deletes runs after</source>
        <translation>Löscht Läufe nach</translation>
    </message>
    <message>
        <source>Keeps at least</source>
        <translation>Behält mindestens</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>as the policy says</source>
        <translation>wie die Richtlinie sagt</translation>
    </message>
    <message numerus="yes">
        <source>the last %n run(s)</source>
        <translation>
            <numerusform>den letzten Lauf</numerusform>
            <numerusform>die letzten %n Läufe</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cronhelm::RunActions</name>
    <message>
        <source>Show &amp;Log</source>
        <translation>&amp;Protokoll anzeigen</translation>
    </message>
    <message>
        <source>&amp;Run Again</source>
        <translation>&amp;Erneut ausführen</translation>
    </message>
    <message>
        <source>&amp;Cancel Run</source>
        <translation>Lauf a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Only a queued or running run can be cancelled.</source>
        <translation>Nur ein wartender oder laufender Lauf kann abgebrochen werden.</translation>
    </message>
    <message>
        <source>&amp;Go to Job</source>
        <translation>&amp;Zum Auftrag</translation>
    </message>
    <message>
        <source>Cop&amp;y Log</source>
        <translation>Protokoll &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Save Log As…</source>
        <translation>Protokoll &amp;speichern unter …</translation>
    </message>
    <message>
        <source>“%1” could not be started: %2</source>
        <translation>„%1“ konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>Run %1 could not be cancelled: %2</source>
        <translation>Lauf %1 konnte nicht abgebrochen werden: %2</translation>
    </message>
    <message>
        <source>Run %1 of “%2” is being cancelled.</source>
        <translation>Lauf %1 von „%2“ wird abgebrochen.</translation>
    </message>
    <message>
        <source>The log of run %1 could not be read: %2</source>
        <translation>Das Protokoll von Lauf %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The log of run %1 was copied.</source>
        <translation>Das Protokoll von Lauf %1 wurde kopiert.</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>run-%1.log</source>
        <translation>lauf-%1.log</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>Protokolldateien (*.log *.txt)</translation>
    </message>
    <message>
        <source>The log cannot be saved to %1: %2</source>
        <translation>Das Protokoll kann nicht nach %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The log was saved to %1.</source>
        <translation>Das Protokoll wurde nach %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::RunHistoryModel</name>
    <message>
        <source>The history can be sorted by run, status, scheduled time and duration.</source>
        <translation>Der Verlauf lässt sich nach Lauf, Status, geplanter Zeit und Dauer sortieren.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>Gestartet durch</translation>
    </message>
    <message>
        <source>Scheduled for</source>
        <translation>Geplant für</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Wird abgebrochen</translation>
    </message>
    <message>
        <source>Run now by %1</source>
        <translation>Sofortstart durch %1</translation>
    </message>
    <message>
        <source>Retry (attempt %1)</source>
        <translation>Wiederholung (Versuch %1)</translation>
    </message>
    <message>
        <source>The log of this run was cut at its size limit.</source>
        <translation>Das Protokoll dieses Laufs wurde an seiner Größengrenze abgeschnitten.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>Cronhelm::SizeEdit</name>
    <message>
        <source>KB</source>
        <extracomment>units of data size: kilobytes, megabytes</extracomment>
        <translation>KB</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
</context>
<context>
    <name>Cronhelm::Startup</name>
    <message>
        <source>Cronhelm: see and run your team&apos;s scheduled jobs.</source>
        <translation>Cronhelm: die geplanten Aufträge Ihres Teams sehen und ausführen.</translation>
    </message>
    <message>
        <source>Connect to the database described by this libpq connection string or URI.</source>
        <translation>Mit der Datenbank verbinden, die diese libpq-Verbindungszeichenkette oder URI beschreibt.</translation>
    </message>
    <message>
        <source>Connect with a saved connection profile.</source>
        <translation>Mit einem gespeicherten Verbindungsprofil verbinden.</translation>
    </message>
    <message>
        <source>Start a private store and scheduler on this computer.</source>
        <translation>Einen privaten Speicher und Scheduler auf diesem Rechner starten.</translation>
    </message>
    <message>
        <source>Show the application in this language (e.g. de, fr).</source>
        <translation>Die Anwendung in dieser Sprache anzeigen (z. B. de, fr).</translation>
    </message>
    <message>
        <source>Use only one of --db, --profile and --local.
</source>
        <translation>Verwenden Sie nur eine der Optionen --db, --profile und --local.
</translation>
    </message>
    <message>
        <source>Unexpected argument: %1
</source>
        <translation>Unerwartetes Argument: %1
</translation>
    </message>
    <message>
        <source>cronhelm: there is no saved connection named &quot;%1&quot;. Saved connections: %2
</source>
        <translation>cronhelm: es gibt keine gespeicherte Verbindung namens „%1“. Gespeicherte Verbindungen: %2
</translation>
    </message>
</context>
<context>
    <name>Cronhelm::TimeOfDayEdit</name>
    <message>
        <source>hh:mm</source>
        <translation>hh:mm</translation>
    </message>
</context>
<context>
    <name>Cronhelm::TrayNotifier</name>
    <message>
        <source>Cronhelm</source>
        <translation>Cronhelm</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 job name, %2 what happened (&quot;Failed&quot;, &quot;Timed out&quot;)</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Run %1 of “%2” did not succeed. Open Cronhelm to read its log.</source>
        <translation>Lauf %1 von „%2“ war nicht erfolgreich. Öffnen Sie Cronhelm, um sein Protokoll zu lesen.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::UpcomingModel</name>
    <message>
        <source>When (your time)</source>
        <translation>Wann (Ihre Zeit)</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>In the job&apos;s time zone</source>
        <translation>In der Zeitzone des Auftrags</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Clocks change in %1</source>
        <translation>Zeitumstellung in %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <extracomment>%1 time, %2 zone abbreviation, %3 zone id</extracomment>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>One-off</source>
        <translation>Einmalig</translation>
    </message>
    <message numerus="yes">
        <source>Runs %n times in this period, until %1.</source>
        <translation>
            <numerusform>Läuft in diesem Zeitraum einmal, bis %1.</numerusform>
            <numerusform>Läuft in diesem Zeitraum %n-mal, bis %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>forward</source>
        <translation>vor</translation>
    </message>
    <message>
        <source>back</source>
        <translation>zurück</translation>
    </message>
    <message>
        <source>Clocks go %1 by %2 min (%3 → %4). Jobs at the skipped or repeated times follow the rules in their schedule.</source>
        <extracomment>%1 forward/back, %2 how many minutes, %3 offset before, %4 offset after</extracomment>
        <translation>Die Uhren werden um %2 min %1gestellt (%3 → %4). Aufträge zu den übersprungenen oder doppelten Zeiten folgen den Regeln ihres Zeitplans.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::UpcomingView</name>
    <message>
        <source>Next 24 hours</source>
        <translation>Nächste 24 Stunden</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>Nächste 7 Tage</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) ahead, shown in your time zone (%1).</source>
        <translation>
            <numerusform>%n Lauf steht an, angezeigt in Ihrer Zeitzone (%1).</numerusform>
            <numerusform>%n Läufe stehen an, angezeigt in Ihrer Zeitzone (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clock change(s) in the jobs&apos; time zones.</source>
        <translation>
            <numerusform>%n Zeitumstellung in den Zeitzonen der Aufträge.</numerusform>
            <numerusform>%n Zeitumstellungen in den Zeitzonen der Aufträge.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
</context>
<context>
    <name>Cronhelm::UserGuideWindow</name>
    <message>
        <source>Cronhelm User Guide</source>
        <translation>Cronhelm-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>The user guide is not installed on this computer. It is in the cronhelm package (/usr/share/doc/cronhelm/user-guide.md) and in the source tree (docs/user-guide.md).</source>
        <translation>Das Benutzerhandbuch ist auf diesem Computer nicht installiert. Es ist im Paket cronhelm (/usr/share/doc/cronhelm/user-guide.md) und im Quellbaum (docs/user-guide.md) enthalten.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::ZonePicker</name>
    <message>
        <source>Type a city or region, e.g. Berlin</source>
        <translation>Stadt oder Region eingeben, z. B. Berlin</translation>
    </message>
</context>
<context>
    <name>JobBehaviourPage</name>
    <message>
        <source>&amp;Stop it after:</source>
        <translation>&amp;Beenden nach:</translation>
    </message>
    <message>
        <source>&amp;Retries after a failure:</source>
        <translation>&amp;Wiederholungen nach Fehlschlag:</translation>
    </message>
    <message>
        <source>&amp;Wait before retrying:</source>
        <translation>&amp;Warten vor Wiederholung:</translation>
    </message>
    <message>
        <source>If it is still r&amp;unning when due:</source>
        <translation>Falls er bei &amp;Fälligkeit noch läuft:</translation>
    </message>
    <message>
        <source>Runs &amp;missed while no scheduler ran:</source>
        <translation>&amp;Verpasste Läufe ohne laufenden Scheduler:</translation>
    </message>
    <message>
        <source>&amp;Keep log output up to:</source>
        <translation>Protokollausgabe &amp;behalten bis:</translation>
    </message>
    <message>
        <source>Run &amp;history:</source>
        <translation>Lauf&amp;verlauf:</translation>
    </message>
    <message>
        <source>Delete its runs after</source>
        <translation>Seine Läufe löschen nach</translation>
    </message>
    <message>
        <source>Days to keep this job&apos;s runs</source>
        <translation>Wie viele Tage die Läufe dieses Jobs behalten werden</translation>
    </message>
    <message>
        <source>But keep at least its last</source>
        <translation>Aber mindestens die letzten</translation>
    </message>
    <message>
        <source>Runs of this job to keep</source>
        <translation>Zu behaltende Läufe dieses Jobs</translation>
    </message>
</context>
<context>
    <name>JobGeneralPage</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>e.g. Nightly CRM sync</source>
        <translation>z. B. Nächtlicher CRM-Abgleich</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Verantwortlich:</translation>
    </message>
    <message>
        <source>Who to ask about this job</source>
        <translation>Wen man zu diesem Auftrag fragt</translation>
    </message>
    <message>
        <source>&amp;Active: run on the schedule (clear to create it paused)</source>
        <translation>&amp;Aktiv: nach Zeitplan ausführen (abwählen, um ihn angehalten anzulegen)</translation>
    </message>
</context>
<context>
    <name>JobNotifyPage</name>
    <message>
        <source>Tell a Slack channel or another system when this job fails, succeeds, or works again after failing. Use an incoming webhook URL.</source>
        <translation>Einen Slack-Kanal oder ein anderes System informieren, wenn dieser Auftrag fehlschlägt, gelingt oder nach einem Fehlschlag wieder funktioniert. Verwenden Sie die URL eines eingehenden Webhooks.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Erholung</translation>
    </message>
    <message>
        <source>Add Target</source>
        <translation>Ziel hinzufügen</translation>
    </message>
    <message>
        <source>Remove Target</source>
        <translation>Ziel entfernen</translation>
    </message>
    <message>
        <source>Repeat a &amp;failure notice at most every:</source>
        <translation>Fehlermeldung höchstens &amp;wiederholen alle:</translation>
    </message>
</context>
<context>
    <name>JobSchedulePage</name>
    <message>
        <source>&amp;Repeat on a schedule</source>
        <translation>Nach Zeitplan &amp;wiederholen</translation>
    </message>
    <message>
        <source>Run &amp;once</source>
        <translation>&amp;Einmal ausführen</translation>
    </message>
    <message>
        <source>Re&amp;peat:</source>
        <translation>Wie&amp;derholen:</translation>
    </message>
    <message>
        <source>E&amp;very:</source>
        <translation>A&amp;lle:</translation>
    </message>
    <message>
        <source>At m&amp;inute:</source>
        <translation>Zur M&amp;inute:</translation>
    </message>
    <message>
        <source>At &amp;time:</source>
        <translation>&amp;Um:</translation>
    </message>
    <message>
        <source>On these days:</source>
        <translation>An diesen Tagen:</translation>
    </message>
    <message>
        <source>On day of the &amp;month:</source>
        <translation>Am &amp;Monatstag:</translation>
    </message>
    <message>
        <source>Cron e&amp;xpression:</source>
        <translation>Cron-A&amp;usdruck:</translation>
    </message>
    <message>
        <source>e.g. 0 8-18/2 * * 1-5</source>
        <translation>z. B. 0 8-18/2 * * 1-5</translation>
    </message>
    <message>
        <source>What’s this schedule?</source>
        <translation>Was bedeutet dieser Zeitplan?</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>&amp;Datum und Uhrzeit:</translation>
    </message>
    <message>
        <source>Which one do you mean?</source>
        <translation>Welche meinen Sie?</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Next runs:</source>
        <translation>Nächste Läufe:</translation>
    </message>
    <message>
        <source>In the job&apos;s time zone</source>
        <translation>In der Zeitzone des Auftrags</translation>
    </message>
    <message>
        <source>In your time zone</source>
        <translation>In Ihrer Zeitzone</translation>
    </message>
</context>
<context>
    <name>JobTargetPage</name>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Methode:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>&amp;Header:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add Header</source>
        <translation>Header hinzufügen</translation>
    </message>
    <message>
        <source>Remove Header</source>
        <translation>Header entfernen</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Inhalt:</translation>
    </message>
    <message>
        <source>E&amp;xpected status:</source>
        <translation>Er&amp;warteter Status:</translation>
    </message>
    <message>
        <source>&amp;Fail if the response matches:</source>
        <translation>&amp;Fehlschlag, wenn die Antwort passt auf:</translation>
    </message>
    <message>
        <source>a regular expression, e.g. &quot;error&quot;:\s*true</source>
        <translation>ein regulärer Ausdruck, z. B. &quot;error&quot;:\s*true</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;Befehl:</translation>
    </message>
    <message>
        <source>e.g. /opt/jobs/sync.sh --full</source>
        <translation>z. B. /opt/jobs/sync.sh --full</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>&amp;Arbeitsverzeichnis:</translation>
    </message>
    <message>
        <source>the node’s own directory</source>
        <translation>das eigene Verzeichnis des Knotens</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Add Variable</source>
        <translation>Variable hinzufügen</translation>
    </message>
    <message>
        <source>Remove Variable</source>
        <translation>Variable entfernen</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>History Retention</source>
        <translation>Aufbewahrung des Verlaufs</translation>
    </message>
    <message>
        <source>Keep runs for:</source>
        <translation>Läufe aufbewahren für:</translation>
    </message>
    <message>
        <source>Days to keep runs</source>
        <translation>Tage, die Läufe aufbewahrt werden</translation>
    </message>
    <message>
        <source>But keep at least:</source>
        <translation>Aber mindestens behalten:</translation>
    </message>
    <message>
        <source>Runs to keep of each job</source>
        <translation>Aufzubewahrende Läufe je Auftrag</translation>
    </message>
    <message>
        <source>Jobs that keep their history their own way:</source>
        <translation>Jobs, die ihren Verlauf auf eigene Weise aufbewahren:</translation>
    </message>
</context>
</TS>
