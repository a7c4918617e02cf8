<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect to a Cronhelm Database</source>
        <translation>Se connecter à une base Cronhelm</translation>
    </message>
    <message>
        <source>Enter what your administrator gave you. Cronhelm keeps passwords only in the system keychain, never in its settings.</source>
        <translation>Saisissez ce que votre administrateur vous a donné. Cronhelm ne conserve les mots de passe que dans le trousseau du système, jamais dans ses réglages.</translation>
    </message>
    <message>
        <source>Sa&amp;ved connection:</source>
        <translation>Connexion &amp;enregistrée :</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>&amp;Oublier</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données :</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the system keychain</source>
        <translation>Se sou&amp;venir du mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>&amp;Encryption (TLS):</source>
        <translation>&amp;Chiffrement (TLS) :</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>Certificat de l’&amp;AC :</translation>
    </message>
    <message>
        <source>the CA file your administrator gave you</source>
        <translation>le fichier d’AC fourni par votre administrateur</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation>Enregistrer so&amp;us :</translation>
    </message>
    <message>
        <source>a name to find this connection again (optional)</source>
        <translation>un nom pour retrouver cette connexion (facultatif)</translation>
    </message>
    <message>
        <source>Use a &amp;local store on this computer</source>
        <translation>Utiliser un stockage &amp;local sur cet ordinateur</translation>
    </message>
    <message>
        <source>No server or password needed: Cronhelm keeps the jobs in a private database on this computer and runs them while it is open.</source>
        <translation>Ni serveur ni mot de passe : Cronhelm garde les tâches dans une base de données privée sur cet ordinateur et les exécute tant qu’il est ouvert.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::ClusterModel</name>
    <message>
        <source>Executor: unknown</source>
        <translation>Exécuteur : inconnu</translation>
    </message>
    <message>
        <source>No scheduler node has started yet: jobs will not run.</source>
        <translation>Aucun nœud planificateur n’a encore démarré : les tâches ne s’exécuteront pas.</translation>
    </message>
    <message>
        <source>No executor: jobs are not running right now.</source>
        <translation>Aucun exécuteur : les tâches ne s’exécutent pas en ce moment.</translation>
    </message>
    <message>
        <source>Executor: %1 (term %2)</source>
        <translation>Exécuteur : %1 (mandat %2)</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Démarré</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>Dernier signal de vie</translation>
    </message>
    <message>
        <source>Running jobs</source>
        <translation>Tâches en cours</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Exécuteur</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>En cours d’arrêt</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Lost (no heartbeat)</source>
        <translation>Perdu (aucun signal de vie)</translation>
    </message>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (PID %2)</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>il y a %1</translation>
    </message>
    <message>
        <source>This node&apos;s clock differs from the database&apos;s by %1 ms.</source>
        <translation>L’horloge de ce nœud diffère de celle de la base de %1 ms.</translation>
    </message>
    <message>
        <source>1 node · %1 of %2 slots busy</source>
        <translation>1 nœud · %1 emplacements occupés sur %2</translation>
    </message>
    <message>
        <source>%1 nodes · %2 of %3 slots busy</source>
        <translation>%1 nœuds · %2 emplacements occupés sur %3</translation>
    </message>
    <message>
        <source>Jobs planned by %1</source>
        <extracomment>%1 the executor node: it decides when jobs run; every live node runs them</extracomment>
        <translation>Tâches planifiées par %1</translation>
    </message>
    <message>
        <source>No node holds the executor lease, so no scheduled job starts until one takes it.</source>
        <translation>Aucun nœud ne détient le bail d’exécuteur : aucune tâche planifiée ne démarre tant qu’un nœud ne l’a pas pris.</translation>
    </message>
    <message>
        <source>%1 holds the executor lease (term %2): it decides when every job runs and which node runs it. Every live node runs jobs; another takes over the lease if it stops.</source>
        <extracomment>%1 node, %2 lease term number</extracomment>
        <translation>%1 détient le bail d’exécuteur (mandat %2) : il décide quand chaque tâche s’exécute et sur quel nœud. Chaque nœud actif exécute des tâches ; un autre reprend le bail s’il s’arrête.</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Busy / capacity</source>
        <translation>Occupés / capacité</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Travailleur</translation>
    </message>
    <message>
        <source>Not responding</source>
        <translation>Ne répond pas</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>No heartbeat for %n s (nodes write one every second). It was %1; the store declares it lost after 30 s.</source>
        <extracomment>%1 the role it had (&quot;Executor&quot;, &quot;Standby&quot;)</extracomment>
        <translation>
            <numerusform>Aucun signal de vie depuis %n s (les nœuds en envoient un chaque seconde). Rôle précédent : %1 ; la base le déclare perdu après 30 s.</numerusform>
            <numerusform>Aucun signal de vie depuis %n s (les nœuds en envoient un chaque seconde). Rôle précédent : %1 ; la base le déclare perdu après 30 s.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 runs assigned to this node (started or about to start) of the %2 it runs at once (--max-parallel).</source>
        <translation>%1 exécutions attribuées à ce nœud (démarrées ou sur le point de démarrer) sur les %2 qu’il peut exécuter simultanément (--max-parallel).</translation>
    </message>
</context>
<context>
    <name>Cronhelm::ClusterView</name>
    <message>
        <source>Executor</source>
        <translation>Exécuteur</translation>
    </message>
    <message>
        <source>Holds the lease since:</source>
        <translation>Détient le bail depuis :</translation>
    </message>
    <message>
        <source>Lease:</source>
        <translation>Bail :</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scheduler nodes&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nœuds planificateurs&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent changes of executor&lt;/b&gt;</source>
        <translation>&lt;b&gt;Derniers changements d’exécuteur&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>Pas encore connu</translation>
    </message>
    <message>
        <source>No executor: scheduled jobs are not running.</source>
        <translation>Aucun exécuteur : les tâches planifiées ne s’exécutent pas.</translation>
    </message>
    <message>
        <source>No node has held the lease yet.</source>
        <translation>Aucun nœud n’a encore détenu le bail.</translation>
    </message>
    <message>
        <source>The last executor was %1 (term %2).</source>
        <translation>Le dernier exécuteur était %1 (mandat %2).</translation>
    </message>
    <message>
        <source>A standby node takes over as soon as it sees the lease free.</source>
        <translation>Un nœud en attente prend le relais dès qu’il voit le bail libre.</translation>
    </message>
    <message>
        <source>%1 — term %2</source>
        <translation>%1 — mandat %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>expires in %1 unless renewed (last renewed %2 ago)</source>
        <translation>expire dans %1 s’il n’est pas renouvelé (dernier renouvellement il y a %2)</translation>
    </message>
    <message>
        <source>expired %1 ago: a standby should take over now</source>
        <translation>expiré depuis %1 : un nœud en attente devrait prendre le relais</translation>
    </message>
    <message>
        <source>⚠ The cluster could not be read: %1</source>
        <translation>⚠ Le cluster n’a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>⚠ This is the cluster as of %1; it could not be refreshed: %2</source>
        <translation>⚠ Voici le cluster tel qu’il était à %1 ; il n’a pas pu être actualisé : %2</translation>
    </message>
</context>
<context>
    <name>Cronhelm::ConnectionDialog</name>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connexion</translation>
    </message>
    <message>
        <source>Use TLS when the server offers it</source>
        <translation>Utiliser TLS si le serveur le propose</translation>
    </message>
    <message>
        <source>Require TLS (certificate not checked)</source>
        <translation>Exiger TLS (certificat non vérifié)</translation>
    </message>
    <message>
        <source>Require TLS and a certificate from my CA</source>
        <translation>Exiger TLS et un certificat de mon AC</translation>
    </message>
    <message>
        <source>Require TLS, my CA and the right server name (safest)</source>
        <translation>Exiger TLS, mon AC et le bon nom de serveur (le plus sûr)</translation>
    </message>
    <message>
        <source>No TLS</source>
        <translation>Pas de TLS</translation>
    </message>
    <message>
        <source>Choose the CA Certificate</source>
        <translation>Choisir le certificat de l’AC</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Certificats (*.crt *.pem *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Nouvelle connexion</translation>
    </message>
    <message>
        <source>The password was filled in from the system keychain.</source>
        <translation>Le mot de passe a été repris du trousseau du système.</translation>
    </message>
    <message>
        <source>The file %1 does not exist or cannot be read.</source>
        <translation>Le fichier %1 n’existe pas ou ne peut pas être lu.</translation>
    </message>
    <message>
        <source>Enter the database name.</source>
        <translation>Saisissez le nom de la base de données.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>cet ordinateur</translation>
    </message>
    <message>
        <source>the system&apos;s trusted CAs (%1)</source>
        <extracomment>%1 the file of the system&apos;s trusted certificate authorities</extracomment>
        <translation>les autorités de certification de confiance du système (%1)</translation>
    </message>
    <message>
        <source>Not needed: a connection through a socket on this computer does not go over the network.</source>
        <translation>Inutile : une connexion par un socket sur cet ordinateur ne passe pas par le réseau.</translation>
    </message>
    <message>
        <source>The server&apos;s name is not checked: any server with a certificate from this CA can pose as it.</source>
        <translation>Le nom du serveur n’est pas vérifié : tout serveur ayant un certificat de cette autorité peut se faire passer pour lui.</translation>
    </message>
    <message>
        <source>The server is not verified: someone on the network path can pose as it and read the password and everything Cronhelm sends.</source>
        <translation>Le serveur n’est pas vérifié : quelqu’un sur le chemin réseau peut se faire passer pour lui et lire le mot de passe et tout ce que Cronhelm envoie.</translation>
    </message>
    <message>
        <source>Choose the CA certificate file: this mode checks the server against it, and this computer has no store of trusted CAs that Cronhelm knows.</source>
        <translation>Choisissez le fichier du certificat de l’autorité : ce mode vérifie le serveur avec lui, et cet ordinateur n’a pas de magasin d’autorités de confiance que Cronhelm connaisse.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::ConnectionStatus</name>
    <message>
        <source>Reconnect Now</source>
        <translation>Se reconnecter maintenant</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message numerus="yes">
        <source>Connection lost. Reconnecting in %n s…</source>
        <translation>
            <numerusform>Connexion perdue. Reconnexion dans %n s…</numerusform>
            <numerusform>Connexion perdue. Reconnexion dans %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection lost. Reconnecting…</source>
        <translation>Connexion perdue. Reconnexion…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Rôle : %1</translation>
    </message>
    <message>
        <source>TLS %1 (%2), sslmode=%3</source>
        <extracomment>%1 TLS version, %2 cipher, %3 libpq sslmode (e.g. &quot;verify-full&quot;)</extracomment>
        <translation>TLS %1 (%2), sslmode=%3</translation>
    </message>
    <message>
        <source>Local connection</source>
        <translation>Connexion locale</translation>
    </message>
    <message>
        <source>The connection goes through a socket on this computer, not over the network: it needs no encryption.</source>
        <translation>La connexion passe par un socket sur cet ordinateur, pas par le réseau : elle n’a pas besoin de chiffrement.</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Non chiffrée</translation>
    </message>
    <message>
        <source>Anyone on the network path can read and change what Cronhelm sends, passwords included (sslmode=%1). Connect with TLS and verify-full.</source>
        <translation>N’importe qui sur le chemin réseau peut lire et modifier ce que Cronhelm envoie, mots de passe compris (sslmode=%1). Connectez-vous avec TLS et verify-full.</translation>
    </message>
    <message>
        <source>Encrypted, server verified</source>
        <translation>Chiffrée, serveur vérifié</translation>
    </message>
    <message>
        <source>%1: the server&apos;s certificate is signed by a trusted CA and names this server.</source>
        <translation>%1 : le certificat du serveur est signé par une autorité de confiance et nomme ce serveur.</translation>
    </message>
    <message>
        <source>Encrypted, server name not checked</source>
        <translation>Chiffrée, nom du serveur non vérifié</translation>
    </message>
    <message>
        <source>%1: the certificate is signed by a trusted CA, but any server with such a certificate could pose as this one. Use verify-full.</source>
        <translation>%1 : le certificat est signé par une autorité de confiance, mais tout serveur ayant un tel certificat pourrait se faire passer pour celui-ci. Utilisez verify-full.</translation>
    </message>
    <message>
        <source>Encrypted, server not verified</source>
        <translation>Chiffrée, serveur non vérifié</translation>
    </message>
    <message>
        <source>%1: the server&apos;s certificate was not checked, so someone on the network path could pose as it. Use verify-full.</source>
        <translation>%1 : le certificat du serveur n’a pas été vérifié, quelqu’un sur le chemin réseau pourrait donc se faire passer pour lui. Utilisez verify-full.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Cluster unknown</source>
        <translation>Cluster inconnu</translation>
    </message>
    <message>
        <source>The cluster could not be read: %1</source>
        <translation>Le cluster n&apos;a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>%1 (as of %2)</source>
        <extracomment>%1 what the status bar says of the executor, %2 a time of day</extracomment>
        <translation>%1 (état à %2)</translation>
    </message>
    <message>
        <source>The cluster could not be refreshed since %1: %2</source>
        <extracomment>%1 a time of day, %2 the reason</extracomment>
        <translation>Le cluster n&apos;a pas pu être actualisé depuis %1 : %2</translation>
    </message>
</context>
<context>
    <name>Cronhelm::Core</name>
    <message>
        <source>unknown macro &quot;%1&quot; (use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly)</source>
        <translation>macro « %1 » inconnue (utilisez @yearly, @annually, @monthly, @weekly, @daily, @midnight ou @hourly)</translation>
    </message>
    <message>
        <source>unexpected text after %1: &quot;%2&quot;</source>
        <translation>texte inattendu après %1 : « %2 »</translation>
    </message>
    <message>
        <source>expected 5 or 6 fields, found %1</source>
        <translation>5 ou 6 champs attendus, %1 trouvés</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is a cron field name such as &quot;day-of-month&quot;, %2 the problem</extracomment>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>the field is empty</source>
        <translation>le champ est vide</translation>
    </message>
    <message>
        <source>&quot;?&quot; is only allowed in day-of-month and day-of-week</source>
        <translation>« ? » n’est permis que dans le jour du mois et le jour de la semaine</translation>
    </message>
    <message>
        <source>empty item in the list %1</source>
        <translation>élément vide dans la liste %1</translation>
    </message>
    <message>
        <source>&quot;?&quot; must stand alone, not in a list</source>
        <translation>« ? » doit être seul, pas dans une liste</translation>
    </message>
    <message>
        <source>%1 is missing a value before &quot;/&quot;</source>
        <translation>il manque une valeur avant « / » dans %1</translation>
    </message>
    <message>
        <source>%1 is not a complete range</source>
        <translation>%1 n’est pas une plage complète</translation>
    </message>
    <message>
        <source>range %1 descends (ranges do not wrap around)</source>
        <translation>la plage %1 est décroissante (les plages ne reviennent pas au début)</translation>
    </message>
    <message>
        <source>%1 is not valid: use L, L-n or LW</source>
        <translation>%1 n’est pas valide : utilisez L, L-n ou LW</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 n’est pas un nombre</translation>
    </message>
    <message>
        <source>%1 is out of range L-0 to L-30</source>
        <translation>%1 est hors de la plage L-0 à L-30</translation>
    </message>
    <message>
        <source>&quot;W&quot; needs a day before it, e.g. 15W</source>
        <translation>« W » doit suivre un jour, par ex. 15W</translation>
    </message>
    <message>
        <source>%1 needs a weekday before &quot;#&quot;, e.g. 1#2</source>
        <translation>%1 : « # » doit suivre un jour de la semaine, par ex. 1#2</translation>
    </message>
    <message>
        <source>occurrence %1 in %2 is out of range 1-5</source>
        <translation>l’occurrence %1 dans %2 est hors de la plage 1-5</translation>
    </message>
    <message>
        <source>&quot;L&quot; needs a weekday before it, e.g. 5L for the last Friday</source>
        <translation>« L » doit suivre un jour de la semaine, par ex. 5L pour le dernier vendredi</translation>
    </message>
    <message>
        <source>&quot;#&quot; is only allowed in day-of-week</source>
        <translation>« # » n’est permis que dans le jour de la semaine</translation>
    </message>
    <message>
        <source>&quot;W&quot; is only allowed in day-of-month</source>
        <translation>« W » n’est permis que dans le jour du mois</translation>
    </message>
    <message>
        <source>&quot;L&quot; is only allowed in day-of-month and day-of-week</source>
        <translation>« L » n’est permis que dans le jour du mois et le jour de la semaine</translation>
    </message>
    <message>
        <source>%1 is not a number or a month name</source>
        <translation>%1 n’est ni un nombre ni un nom de mois</translation>
    </message>
    <message>
        <source>%1 is not a number or a weekday name</source>
        <translation>%1 n’est ni un nombre ni un nom de jour</translation>
    </message>
    <message>
        <source>step %1 is not a number</source>
        <translation>le pas %1 n’est pas un nombre</translation>
    </message>
    <message>
        <source>step %1 is out of range 1-%2</source>
        <translation>le pas %1 est hors de la plage 1-%2</translation>
    </message>
    <message>
        <source>second</source>
        <translation>deuxième</translation>
    </message>
    <message>
        <source>unknown time zone &quot;%1&quot;</source>
        <translation>fuseau horaire « %1 » inconnu</translation>
    </message>
    <message>
        <source>The date, time or time zone is not valid.</source>
        <translation>La date, l’heure ou le fuseau horaire n’est pas valide.</translation>
    </message>
    <message>
        <source>%1 happens twice in %2: clocks go back from %3 to %4 that day, so it occurs first at %5 UTC %7 and again at %6 UTC %8.</source>
        <extracomment>%1 local date and time, %2 zone id, %3/%4 wall-clock times, %5/%6 UTC times, %7/%8 &quot;(EDT, UTC-4)&quot;</extracomment>
        <translation>%1 existe deux fois à %2 : ce jour-là, les horloges reculent de %3 à %4, donc cette heure arrive d’abord à %5 UTC %7 puis de nouveau à %6 UTC %8.</translation>
    </message>
    <message>
        <source>%1 happens twice in %2: clocks go back from %3 to %4, so it occurs first at %5 UTC %7 and again at %6 UTC %8.</source>
        <extracomment>as above, with dates in %3/%4 because the change crosses midnight</extracomment>
        <translation>%1 existe deux fois à %2 : les horloges reculent de %3 à %4, donc cette heure arrive d’abord à %5 UTC %7 puis de nouveau à %6 UTC %8.</translation>
    </message>
    <message>
        <source>%1 does not exist in %2.</source>
        <translation>%1 n’existe pas à %2.</translation>
    </message>
    <message>
        <source>%1 does not exist in %2: clocks jump from %3 to %4 that day.</source>
        <extracomment>%1 local date and time, %2 zone id, %3 and %4 wall-clock times (&quot;02:00&quot;, &quot;03:00&quot;)</extracomment>
        <translation>%1 n’existe pas à %2 : ce jour-là, les horloges sautent de %3 à %4.</translation>
    </message>
    <message>
        <source>%1 does not exist in %2: clocks jump from %3 to %4.</source>
        <extracomment>as above, with dates in %3/%4 because the jump crosses midnight</extracomment>
        <translation>%1 n’existe pas à %2 : les horloges sautent de %3 à %4.</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>dimanche</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>lundi</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>mardi</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>mercredi</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>jeudi</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>vendredi</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>samedi</translation>
    </message>
    <message>
        <source>January</source>
        <translation>janvier</translation>
    </message>
    <message>
        <source>February</source>
        <translation>février</translation>
    </message>
    <message>
        <source>March</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>April</source>
        <translation>avril</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>juin</translation>
    </message>
    <message>
        <source>July</source>
        <translation>juillet</translation>
    </message>
    <message>
        <source>August</source>
        <translation>août</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>octobre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>novembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>décembre</translation>
    </message>
    <message>
        <source>first</source>
        <translation>premier</translation>
    </message>
    <message>
        <source>third</source>
        <translation>troisième</translation>
    </message>
    <message>
        <source>fourth</source>
        <translation>quatrième</translation>
    </message>
    <message>
        <source>fifth</source>
        <translation>cinquième</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <extracomment>joins the last item of a list: &quot;Monday, Wednesday and Friday&quot;</extracomment>
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>Every second</source>
        <translation>Chaque seconde</translation>
    </message>
    <message numerus="yes">
        <source>Every %n seconds</source>
        <translation>
            <numerusform>Toutes les %n secondes</numerusform>
            <numerusform>Toutes les %n secondes</numerusform>
        </translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation>Chaque minute</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minutes</source>
        <translation>
            <numerusform>Toutes les %n minutes</numerusform>
            <numerusform>Toutes les %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>At minute %1 of every hour</source>
        <translation>À la minute %1 de chaque heure</translation>
    </message>
    <message>
        <source>Every %1 hours at minute %2</source>
        <extracomment>%1 hours apart from midnight, %2 minute: &quot;Every 2 hours at minute 0&quot;</extracomment>
        <translation>Toutes les %1 heures à la minute %2</translation>
    </message>
    <message>
        <source>Every hour from %1 to %2</source>
        <extracomment>&quot;Every hour from 09:00 to 17:00&quot;</extracomment>
        <translation>Toutes les heures de %1 à %2</translation>
    </message>
    <message>
        <source>Every %1 minutes from %2 to %3</source>
        <extracomment>%1 minutes apart, %2/%3 the first and last clock time: &quot;Every 15 minutes from 09:00 to 17:45&quot;</extracomment>
        <translation>Toutes les %1 minutes de %2 à %3</translation>
    </message>
    <message>
        <source>At %1</source>
        <extracomment>%1 one or more clock times: &quot;09:30&quot;, &quot;09:00 and 17:00&quot;</extracomment>
        <translation>À %1</translation>
    </message>
    <message>
        <source>on %1 to %2</source>
        <extracomment>a run of weekdays: &quot;Monday to Friday&quot;</extracomment>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>on %1</source>
        <extracomment>%1 one or more weekdays: &quot;Monday&quot;, &quot;Saturday and Sunday&quot;</extracomment>
        <translation>le %1</translation>
    </message>
    <message>
        <source>on %1 %2</source>
        <extracomment>%1 day of month, %2 month name: &quot;on 1 January&quot;</extracomment>
        <translation>le %1 %2</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>tous les jours</translation>
    </message>
    <message>
        <source>on the last %1 of every month</source>
        <extracomment>&quot;on the last Friday of every month&quot;</extracomment>
        <translation>le dernier %1 de chaque mois</translation>
    </message>
    <message>
        <source>on the %1 %2 of every month</source>
        <extracomment>%1 ordinal (&quot;second&quot;), %2 weekday: &quot;on the second Monday of every month&quot;</extracomment>
        <translation>le %1 %2 de chaque mois</translation>
    </message>
    <message>
        <source>on day %1 of every month</source>
        <translation>le %1 de chaque mois</translation>
    </message>
    <message>
        <source>on days %1 of every month</source>
        <extracomment>%1 days of the month: &quot;on days 1 and 15 of every month&quot;</extracomment>
        <translation>les jours %1 de chaque mois</translation>
    </message>
    <message>
        <source>on the last weekday of every month</source>
        <translation>le dernier jour ouvré de chaque mois</translation>
    </message>
    <message>
        <source>on the last day of every month</source>
        <translation>le dernier jour de chaque mois</translation>
    </message>
    <message>
        <source>on the day before the last day of every month</source>
        <translation>l’avant-dernier jour de chaque mois</translation>
    </message>
    <message>
        <source>on the day %1 days before the last day of every month</source>
        <translation>%1 jours avant le dernier jour de chaque mois</translation>
    </message>
    <message>
        <source>on the weekday nearest day %1 of every month</source>
        <extracomment>&quot;on the weekday nearest day 15 of every month&quot;</extracomment>
        <translation>le jour ouvré le plus proche du %1 de chaque mois</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <extracomment>a range of values: &quot;9 to 17&quot;, &quot;Monday to Friday&quot;</extracomment>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>the last day</source>
        <translation>le dernier jour</translation>
    </message>
    <message>
        <source>the day before the last day</source>
        <translation>l’avant-dernier jour</translation>
    </message>
    <message>
        <source>the day %1 days before the last day</source>
        <translation>le jour %1 jours avant le dernier</translation>
    </message>
    <message>
        <source>the last weekday</source>
        <translation>le dernier jour ouvré</translation>
    </message>
    <message>
        <source>the weekday nearest day %1</source>
        <translation>le jour ouvré le plus proche du %1</translation>
    </message>
    <message>
        <source>the last %1</source>
        <translation>le dernier %1</translation>
    </message>
    <message>
        <source>the %1 %2</source>
        <translation>le %1 %2</translation>
    </message>
    <message>
        <source>second %1</source>
        <translation>seconde %1</translation>
    </message>
    <message>
        <source>minute %1</source>
        <translation>minute %1</translation>
    </message>
    <message>
        <source>hour %1</source>
        <translation>heure %1</translation>
    </message>
    <message>
        <source>day of month %1, or day of week %2</source>
        <extracomment>cron&apos;s rule when both day fields are given: either may match</extracomment>
        <translation>jour du mois %1, ou jour de la semaine %2</translation>
    </message>
    <message>
        <source>day of month %1</source>
        <translation>jour du mois %1</translation>
    </message>
    <message>
        <source>day of week %1</source>
        <translation>jour de la semaine %1</translation>
    </message>
    <message>
        <source>month %1</source>
        <translation>mois %1</translation>
    </message>
    <message>
        <source>every second</source>
        <translation>chaque seconde</translation>
    </message>
    <message>
        <source>every minute</source>
        <translation>chaque minute</translation>
    </message>
    <message>
        <source>Cron schedule &quot;%1&quot;: %2 (%3)</source>
        <extracomment>%1 the expression, %2 its fields in words (&quot;minute 0, 30; hour 9 to 17&quot;), %3 time zone</extracomment>
        <translation>Planification cron « %1 » : %2 (%3)</translation>
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
        <translation>Aucune planification</translation>
    </message>
    <message>
        <source>job %1 does not exist</source>
        <translation>la tâche %1 n’existe pas</translation>
    </message>
    <message>
        <source>no job named &quot;%1&quot;</source>
        <translation>aucune tâche nommée « %1 »</translation>
    </message>
    <message>
        <source>cannot read migration %1</source>
        <translation>impossible de lire la migration %1</translation>
    </message>
    <message>
        <source>The database schema is version %1, newer than this Cronhelm (which knows up to version %2). Upgrade Cronhelm before using this database.</source>
        <translation>Le schéma de la base est en version %1, plus récente que ce Cronhelm (qui connaît jusqu’à la version %2). Mettez Cronhelm à jour avant d’utiliser cette base.</translation>
    </message>
    <message>
        <source>The database has no Cronhelm schema yet. Run &quot;cronhelmctl migrate&quot; to install it.</source>
        <translation>La base n’a pas encore de schéma Cronhelm. Lancez « cronhelmctl migrate » pour l’installer.</translation>
    </message>
    <message>
        <source>The database schema is version %1, newer than this Cronhelm (which knows up to version %2). Upgrade Cronhelm.</source>
        <translation>Le schéma de la base est en version %1, plus récente que ce Cronhelm (qui connaît jusqu’à la version %2). Mettez Cronhelm à jour.</translation>
    </message>
    <message>
        <source>The database schema is version %1 but this Cronhelm needs version %2. Run &quot;cronhelmctl migrate&quot;.</source>
        <translation>Le schéma de la base est en version %1, mais ce Cronhelm a besoin de la version %2. Lancez « cronhelmctl migrate ».</translation>
    </message>
    <message>
        <source>run %1 does not exist</source>
        <translation>l’exécution %1 n’existe pas</translation>
    </message>
    <message>
        <source>export cancelled</source>
        <translation>export annulé</translation>
    </message>
    <message>
        <source>This needs the cronhelm_operator or cronhelm_admin role.</source>
        <translation>Il faut pour cela le rôle cronhelm_operator ou cronhelm_admin.</translation>
    </message>
    <message>
        <source>This needs the cronhelm_admin role.</source>
        <translation>Il faut pour cela le rôle cronhelm_admin.</translation>
    </message>
    <message>
        <source>(not connected)</source>
        <translation>(non connecté)</translation>
    </message>
    <message>
        <source>database %1 on %2 as %3</source>
        <translation>base %1 sur %2 en tant que %3</translation>
    </message>
    <message>
        <source>not connected to the database</source>
        <translation>non connecté à la base de données</translation>
    </message>
    <message>
        <source>The connection to the database was lost: %1</source>
        <translation>La connexion à la base de données a été perdue : %1</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 (is the cronhelm schema installed and current? Run &quot;cronhelmctl migrate&quot;.)</source>
        <translation>%1 (le schéma cronhelm est-il installé et à jour ? Lancez « cronhelmctl migrate ».)</translation>
    </message>
    <message>
        <source>second</source>
        <comment>cron field name</comment>
        <translation>seconde</translation>
    </message>
    <message>
        <source>minute</source>
        <comment>cron field name</comment>
        <translation>minute</translation>
    </message>
    <message>
        <source>hour</source>
        <comment>cron field name</comment>
        <translation>heure</translation>
    </message>
    <message>
        <source>day-of-month</source>
        <comment>cron field name</comment>
        <translation>jour du mois</translation>
    </message>
    <message>
        <source>month</source>
        <comment>cron field name</comment>
        <translation>mois</translation>
    </message>
    <message>
        <source>day-of-week</source>
        <comment>cron field name</comment>
        <translation>jour de la semaine</translation>
    </message>
    <message>
        <source>Cannot connect to the database: %1</source>
        <translation>Impossible de se connecter à la base de données : %1</translation>
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
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 Go</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n octet</numerusform>
            <numerusform>%n octets</numerusform>
        </translation>
    </message>
    <message>
        <source>Must be from %1 to %2.</source>
        <translation>Doit être entre %1 et %2.</translation>
    </message>
    <message>
        <source>A job needs a name.</source>
        <translation>Une tâche a besoin d’un nom.</translation>
    </message>
    <message>
        <source>The name is longer than %1 characters.</source>
        <translation>Le nom dépasse %1 caractères.</translation>
    </message>
    <message>
        <source>The name contains a control or text-direction character.</source>
        <translation>Le nom contient un caractère de contrôle ou de sens d’écriture.</translation>
    </message>
    <message>
        <source>The description is longer than %1 characters.</source>
        <translation>La description dépasse %1 caractères.</translation>
    </message>
    <message>
        <source>The owner is longer than %1 characters.</source>
        <translation>Le responsable dépasse %1 caractères.</translation>
    </message>
    <message>
        <source>Must be a JSON object.</source>
        <translation>Doit être un objet JSON.</translation>
    </message>
    <message>
        <source>The target is larger than %1 KB.</source>
        <translation>La cible dépasse %1 Ko.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known time zone.</source>
        <translation>« %1 » n’est pas un fuseau horaire connu.</translation>
    </message>
    <message>
        <source>This schedule never runs: no date matches all of its fields.</source>
        <translation>Cette planification ne s’exécute jamais : aucune date ne correspond à tous ses champs.</translation>
    </message>
    <message>
        <source>A one-off schedule needs a date and time.</source>
        <translation>Une exécution unique a besoin d’une date et d’une heure.</translation>
    </message>
    <message>
        <source>%1 does not fall on %2 in %3 (that local time may not exist there).</source>
        <translation>%1 ne correspond pas à %2 à %3 (cette heure locale n’y existe peut-être pas).</translation>
    </message>
    <message>
        <source>More than %1 labels.</source>
        <translation>Plus de %1 étiquettes.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a node label (letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, at most %2 characters).</source>
        <translation>« %1 » n’est pas une étiquette de nœud (lettres, chiffres, « . », « _ » et « - », au plus %2 caractères).</translation>
    </message>
    <message>
        <source>Must be text.</source>
        <translation>Doit être du texte.</translation>
    </message>
    <message>
        <source>Must be a whole number.</source>
        <translation>Doit être un nombre entier.</translation>
    </message>
    <message>
        <source>Must be a local date and time.</source>
        <translation>Doit être une date et une heure locales.</translation>
    </message>
    <message>
        <source>Must be an instant.</source>
        <translation>Doit être un instant.</translation>
    </message>
    <message>
        <source>Must be a list of node labels.</source>
        <translation>Doit être une liste d’étiquettes de nœud.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a job field.</source>
        <translation>« %1 » n’est pas un champ de tâche.</translation>
    </message>
    <message>
        <source>Must not be empty.</source>
        <translation>Ne doit pas être vide.</translation>
    </message>
    <message>
        <source>Must be true or false.</source>
        <translation>Doit être true ou false.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2.</source>
        <translation>« %1 » ne fait pas partie de %2.</translation>
    </message>
    <message>
        <source>Must be a list of notification targets.</source>
        <translation>Doit être une liste de destinataires de notification.</translation>
    </message>
    <message>
        <source>More than %1 notification targets.</source>
        <translation>Plus de %1 destinataires de notification.</translation>
    </message>
    <message>
        <source>Notification %1 needs the kind slack or webhook and a web address starting with http:// or https://.</source>
        <translation>La notification %1 a besoin du type slack ou webhook et d’une adresse web commençant par http:// ou https://.</translation>
    </message>
    <message>
        <source>Notification %1: &quot;on&quot; must list failure, success and/or recovery.</source>
        <translation>Notification %1 : « on » doit indiquer failure, success et/ou recovery.</translation>
    </message>
    <message>
        <source>Notification %1: &quot;%2&quot; is not a field of a notification target.</source>
        <translation>Notification %1 : « %2 » n’est pas un champ de destinataire de notification.</translation>
    </message>
    <message>
        <source>Must be a whole number from %1 to %2.</source>
        <translation>Doit être un nombre entier de %1 à %2.</translation>
    </message>
    <message>
        <source>Must be an object of name: value pairs.</source>
        <translation>Doit être un objet de paires nom : valeur.</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; must be text.</source>
        <translation>La valeur de « %1 » doit être du texte.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field of this kind of target.</source>
        <translation>« %1 » n’est pas un champ de ce type de cible.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a web address starting with http:// or https://.</source>
        <translation>« %1 » n’est pas une adresse web commençant par http:// ou https://.</translation>
    </message>
    <message>
        <source>The address is longer than %1 characters.</source>
        <translation>L’adresse dépasse %1 caractères.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a supported method (use one of %2).</source>
        <translation>« %1 » n’est pas une méthode prise en charge (utilisez l’une de %2).</translation>
    </message>
    <message>
        <source>More than %1 headers.</source>
        <translation>Plus de %1 en-têtes.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid header name.</source>
        <translation>« %1 » n’est pas un nom d’en-tête valide.</translation>
    </message>
    <message>
        <source>The value of header &quot;%1&quot; cannot contain line breaks.</source>
        <translation>La valeur de l’en-tête « %1 » ne peut pas contenir de saut de ligne.</translation>
    </message>
    <message>
        <source>The body must be text or a JSON object.</source>
        <translation>Le corps doit être du texte ou un objet JSON.</translation>
    </message>
    <message>
        <source>The body is larger than %1 KB.</source>
        <translation>Le corps dépasse %1 Ko.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an HTTP status like 200 or an ascending range like 200-299 (100 to 599).</source>
        <translation>« %1 » n’est ni un statut HTTP comme 200 ni une plage croissante comme 200-299 (100 à 599).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid regular expression: %2 (at character %3).</source>
        <translation>« %1 » n’est pas une expression régulière valide : %2 (au caractère %3).</translation>
    </message>
    <message>
        <source>Must be a regular expression.</source>
        <translation>Doit être une expression régulière.</translation>
    </message>
    <message>
        <source>Give either a command line or a list of arguments, not both.</source>
        <translation>Indiquez soit une ligne de commande, soit une liste d’arguments, pas les deux.</translation>
    </message>
    <message>
        <source>The command line cannot be empty.</source>
        <translation>La ligne de commande ne peut pas être vide.</translation>
    </message>
    <message>
        <source>The arguments must be a non-empty list of texts.</source>
        <translation>Les arguments doivent être une liste de textes non vide.</translation>
    </message>
    <message>
        <source>The program name (the first argument) cannot be empty.</source>
        <translation>Le nom du programme (le premier argument) ne peut pas être vide.</translation>
    </message>
    <message>
        <source>A secret reference (${env:…}) in an argument would be visible to every user of the node; pass it in the job&apos;s environment or use a command line.</source>
        <translation>Une référence de secret (${env:…}) dans un argument serait visible par tous les utilisateurs du nœud ; passez-la dans l’environnement de la tâche ou utilisez une ligne de commande.</translation>
    </message>
    <message>
        <source>A shell job needs a command line.</source>
        <translation>Une tâche shell a besoin d’une ligne de commande.</translation>
    </message>
    <message>
        <source>Must be a folder path.</source>
        <translation>Doit être un chemin de dossier.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid variable name (letters, digits and _; not starting with a digit).</source>
        <translation>« %1 » n’est pas un nom de variable valide (lettres, chiffres et _ ; sans chiffre au début).</translation>
    </message>
    <message>
        <source>This needs a Cronhelm role this login does not have: ask an administrator to grant it cronhelm_viewer, cronhelm_operator or cronhelm_admin.</source>
        <translation>Il faut pour cela un rôle Cronhelm que cette connexion n&apos;a pas : demandez à un administrateur de lui accorder cronhelm_viewer, cronhelm_operator ou cronhelm_admin.</translation>
    </message>
    <message>
        <source>The %1 must be %2–%3, not %4.</source>
        <extracomment>%1 a cron field name (&quot;minute&quot;), %2-%3 its range, %4 the value typed</extracomment>
        <translation>La valeur du champ « %1 » doit être comprise entre %2 et %3, et non %4.</translation>
    </message>
    <message>
        <source>This needs the cronhelm_shell_admin role.</source>
        <translation>Il faut pour cela le rôle cronhelm_shell_admin.</translation>
    </message>
    <message>
        <source>%1 does not name a secret the nodes can give (letters, digits and _ after %2), so every run would fail.</source>
        <translation>%1 ne désigne pas un secret que les nœuds peuvent fournir (lettres, chiffres et _ après %2) : chaque exécution échouerait.</translation>
    </message>
    <message>
        <source>%1 is not a secret the nodes give to jobs: only names starting with %2 are, so every run would fail. Write ${env:%2%3} and have the nodes&apos; operator declare it.</source>
        <translation>%1 n&apos;est pas un secret que les nœuds donnent aux tâches : seuls les noms commençant par %2 le sont, donc chaque exécution échouerait. Écrivez ${env:%2%3} et faites-le déclarer par l&apos;exploitant des nœuds.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::DeletedJobsDialog</name>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Deleted Jobs</source>
        <translation>Tâches supprimées</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimée</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Restore brings a job back as it was last defined, paused, with its run history. Resume it when you are ready.</source>
        <translation>Restaurer rétablit une tâche telle qu’elle était définie en dernier, en pause, avec son historique des exécutions. Reprenez-la quand vous serez prêt.</translation>
    </message>
    <message>
        <source>The deleted jobs could not be read: %1</source>
        <translation>Les tâches supprimées n’ont pas pu être lues : %1</translation>
    </message>
    <message>
        <source>No job has been deleted.</source>
        <translation>Aucune tâche n’a été supprimée.</translation>
    </message>
    <message>
        <source>A job named “%1” exists now: rename it first.</source>
        <translation>Une tâche nommée « %1 » existe maintenant : renommez-la d’abord.</translation>
    </message>
    <message>
        <source>“%1” could not be restored: %2</source>
        <translation>« %1 » n’a pas pu être restaurée : %2</translation>
    </message>
    <message>
        <source>“%1” is back, paused. Resume it when you are ready.</source>
        <translation>« %1 » est de retour, en pause. Reprenez-la quand vous serez prêt.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::DurationChart</name>
    <message>
        <source>No runs yet.</source>
        <translation>Aucune exécution pour l’instant.</translation>
    </message>
    <message numerus="yes">
        <source>Last %n run(s) · longest %1</source>
        <translation>
            <numerusform>Dernière exécution · la plus longue %1</numerusform>
            <numerusform>%n dernières exécutions · la plus longue %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1: %2
%3
%4</source>
        <extracomment>%1 run id, %2 status, %3 when it was scheduled, %4 duration</extracomment>
        <translation>Exécution %1 : %2
%3
%4</translation>
    </message>
</context>
<context>
    <name>Cronhelm::DurationEdit</name>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
</context>
<context>
    <name>Cronhelm::HistoryView</name>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Au :</translation>
    </message>
    <message>
        <source>&amp;Export History as CSV…</source>
        <translation>&amp;Exporter l’historique en CSV…</translation>
    </message>
    <message>
        <source>Show &amp;Log</source>
        <translation>Afficher le &amp;journal</translation>
    </message>
    <message>
        <source>Show the runs of one job</source>
        <translation>Afficher les exécutions d’une tâche</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Problems only</source>
        <translation>Problèmes seulement</translation>
    </message>
    <message>
        <source>“Problems only” shows failed, timed-out and abandoned runs.</source>
        <translation>« Problèmes seulement » affiche les exécutions échouées, expirées et abandonnées.</translation>
    </message>
    <message>
        <source>Any trigger</source>
        <translation>Tous les déclencheurs</translation>
    </message>
    <message>
        <source>Runs scheduled at or after this time (your time zone)</source>
        <translation>Exécutions planifiées à partir de ce moment (votre fuseau horaire)</translation>
    </message>
    <message>
        <source>Runs scheduled before this time (your time zone)</source>
        <translation>Exécutions planifiées avant ce moment (votre fuseau horaire)</translation>
    </message>
    <message>
        <source>Job:</source>
        <translation>Tâche :</translation>
    </message>
    <message>
        <source>The run history could not be loaded: %1</source>
        <translation>L’historique des exécutions n’a pas pu être chargé : %1</translation>
    </message>
    <message>
        <source>All jobs</source>
        <translation>Toutes les tâches</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s).</source>
        <translation>
            <numerusform>%n exécution.</numerusform>
            <numerusform>%n exécutions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n runs; more load as you scroll.</source>
        <translation>
            <numerusform>Affichage de la première exécution ; la suite se charge en faisant défiler.</numerusform>
            <numerusform>Affichage des %n premières exécutions ; la suite se charge en faisant défiler.</numerusform>
        </translation>
    </message>
    <message>
        <source>cronhelm-history-%1.csv</source>
        <translation>cronhelm-historique-%1.csv</translation>
    </message>
    <message>
        <source>Export Run History</source>
        <translation>Exporter l’historique</translation>
    </message>
    <message>
        <source>Exporting the run history…</source>
        <translation>Export de l’historique…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Exporting the run history… %L1 runs written.</source>
        <translation>Export de l’historique… %L1 exécutions écrites.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) exported to %1.</source>
        <translation>
            <numerusform>%n exécution exportée vers %1.</numerusform>
            <numerusform>%n exécutions exportées vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>L’export a été annulé ; aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>L’export a échoué : %1</translation>
    </message>
    <message>
        <source>No runs match these filters.</source>
        <translation>Aucune exécution ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>CSV for a spreadsheet (*.csv)</source>
        <translation>CSV pour un tableur (*.csv)</translation>
    </message>
    <message>
        <source>CSV for programs, as cronhelmctl writes it (*.csv)</source>
        <translation>CSV pour les programmes, tel que l’écrit cronhelmctl (*.csv)</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobBehaviourPage</name>
    <message>
        <source>the same each time</source>
        <translation>la même durée à chaque fois</translation>
    </message>
    <message>
        <source>twice as long each time</source>
        <translation>deux fois plus longtemps à chaque fois</translation>
    </message>
    <message>
        <source>Skip the new run (default)</source>
        <translation>Sauter la nouvelle exécution (par défaut)</translation>
    </message>
    <message>
        <source>Start another one alongside</source>
        <translation>En démarrer une autre en parallèle</translation>
    </message>
    <message>
        <source>Stop the running one and start anew</source>
        <translation>Arrêter celle en cours et recommencer</translation>
    </message>
    <message>
        <source>Run once as soon as possible (default)</source>
        <translation>Exécuter une fois dès que possible (par défaut)</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>Les sauter</translation>
    </message>
    <message>
        <source>Run each missed time, at most this many:</source>
        <translation>Exécuter chaque occurrence manquée, au plus :</translation>
    </message>
    <message>
        <source>any node</source>
        <translation>n’importe quel nœud</translation>
    </message>
    <message>
        <source>Run only on nodes started with all these labels (--labels), comma-separated, e.g. gpu, eu. Empty: any node.</source>
        <translation>Exécuter uniquement sur les nœuds démarrés avec toutes ces étiquettes (--labels), séparées par des virgules, p. ex. gpu, eu. Vide : n’importe quel nœud.</translation>
    </message>
    <message>
        <source>Run on nodes labelled:</source>
        <translation>Exécuter sur les nœuds étiquetés :</translation>
    </message>
    <message>
        <source> days</source>
        <extracomment>Spin box suffix: &quot;Delete its runs after 30 days&quot;</extracomment>
        <translation> jours</translation>
    </message>
    <message>
        <source> runs</source>
        <extracomment>Spin box suffix: &quot;But keep at least its last 100 runs&quot;</extracomment>
        <translation> exécutions</translation>
    </message>
    <message>
        <source>What is not checked follows the store-wide policy (File → History Retention…).</source>
        <translation>Ce qui n&apos;est pas coché suit la règle de tout le stockage (Fichier → Conservation de l&apos;historique…).</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobChangesModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planification</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Délai maximal</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Nouveaux essais</translation>
    </message>
    <message>
        <source>Header %1</source>
        <extracomment>a changed HTTP header of a job, %1 its name (&quot;Authorization&quot;)</extracomment>
        <translation>En-tête %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimée</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restaurée</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Reprise</translation>
    </message>
    <message>
        <source>One-off cancelled</source>
        <translation>Exécution ponctuelle annulée</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <extracomment>a changed field of a job: %1 field, %2 old value, %3 new value</extracomment>
        <translation>%1 : %2 → %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobDetailPane</name>
    <message>
        <source>Select a job to see its recent runs.</source>
        <translation>Sélectionnez une tâche pour voir ses dernières exécutions.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent runs of %1&lt;/b&gt; &amp;nbsp; &lt;a href=&quot;#history&quot;&gt;All runs…&lt;/a&gt;</source>
        <translation>&lt;b&gt;Dernières exécutions de %1&lt;/b&gt; &amp;nbsp; &lt;a href=&quot;#history&quot;&gt;Toutes les exécutions…&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Recent Runs</source>
        <translation>Dernières exécutions</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>The recent runs and the changes of this job could not be read: %1</source>
        <translation>Les dernières exécutions et les modifications de cette tâche n&apos;ont pas pu être lues : %1</translation>
    </message>
    <message>
        <source>The recent runs of this job could not be read: %1</source>
        <translation>Les dernières exécutions de cette tâche n&apos;ont pas pu être lues : %1</translation>
    </message>
    <message>
        <source>The changes of this job could not be read: %1</source>
        <translation>Les modifications de cette tâche n&apos;ont pas pu être lues : %1</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobEditor</name>
    <message>
        <source>New Job</source>
        <translation>Nouvelle tâche</translation>
    </message>
    <message>
        <source>Edit Job “%1”</source>
        <translation>Modifier la tâche « %1 »</translation>
    </message>
    <message>
        <source>New Job from “%1”</source>
        <translation>Nouvelle tâche à partir de « %1 »</translation>
    </message>
    <message>
        <source>Copy of %1</source>
        <translation>Copie de %1</translation>
    </message>
    <message>
        <source>Job “%1”</source>
        <translation>Tâche « %1 »</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Connected again. You can save the job now.</source>
        <translation>De nouveau connecté. Vous pouvez maintenant enregistrer la tâche.</translation>
    </message>
    <message>
        <source>Not connected to the database. Everything you typed is kept; save when Cronhelm is connected again.</source>
        <translation>Non connecté à la base de données. Tout ce que vous avez saisi est conservé ; enregistrez quand Cronhelm sera reconnecté.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Discard your changes and load the job as it is saved now</source>
        <translation>Abandonner vos modifications et charger la tâche telle qu’elle est enregistrée</translation>
    </message>
    <message>
        <source>Someone else saved this job while you were editing it: %1</source>
        <translation>Quelqu’un d’autre a enregistré cette tâche pendant que vous la modifiiez : %1</translation>
    </message>
    <message>
        <source>The job was not saved because the connection to the database is lost. Everything you typed is kept; save again when Cronhelm is connected.</source>
        <translation>La tâche n’a pas été enregistrée car la connexion à la base est perdue. Tout ce que vous avez saisi est conservé ; enregistrez de nouveau quand Cronhelm sera connecté.</translation>
    </message>
    <message>
        <source>The job was not saved: %1</source>
        <translation>La tâche n’a pas été enregistrée : %1</translation>
    </message>
    <message>
        <source>The job could not be loaded: %1</source>
        <translation>La tâche n’a pas pu être chargée : %1</translation>
    </message>
    <message>
        <source>Loaded version %1, saved by %2 on %3. Your changes were discarded.</source>
        <translation>Version %1 chargée, enregistrée par %2 le %3. Vos modifications ont été abandonnées.</translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation>Abandonner les modifications</translation>
    </message>
    <message>
        <source>Discard your changes to this job?</source>
        <translation>Abandonner vos modifications de cette tâche ?</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>What to Run</source>
        <translation>Quoi exécuter</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Behaviour</source>
        <translation>Comportement</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 the tab&apos;s title (&quot;When&quot;), %2 the problem</extracomment>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobGeneralPage</name>
    <message>
        <source>A job named “%1” already exists. Names must differ in more than letter case.</source>
        <translation>Une tâche nommée « %1 » existe déjà. Les noms doivent différer autrement que par la casse.</translation>
    </message>
    <message>
        <source>A job named “%1” already exists. Choose a name that tells them apart.</source>
        <translation>Une tâche nommée « %1 » existe déjà. Choisissez un nom qui permette de les distinguer.</translation>
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
        <translation>Utiliser l’assistant de planification</translation>
    </message>
    <message>
        <source>Every few minutes</source>
        <translation>Toutes les quelques minutes</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>Toutes les heures</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Tous les jours</translation>
    </message>
    <message>
        <source>Every weekday (Monday to Friday)</source>
        <translation>Chaque jour ouvré (du lundi au vendredi)</translation>
    </message>
    <message>
        <source>Every week, on chosen days</source>
        <translation>Chaque semaine, les jours choisis</translation>
    </message>
    <message>
        <source>Every month, on one day</source>
        <translation>Chaque mois, un jour donné</translation>
    </message>
    <message>
        <source>On the last weekday of every month</source>
        <translation>Le dernier jour ouvré de chaque mois</translation>
    </message>
    <message>
        <source>Advanced: a cron expression</source>
        <translation>Avancé : une expression cron</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Show what each part of the cron expression means</source>
        <translation>Afficher la signification de chaque partie de l’expression cron</translation>
    </message>
    <message>
        <source>A schedule is five parts separated by spaces: minute, hour, day of the month, month and day of the week. For example, “30 7 * * *” runs every day at 07:30.</source>
        <translation>Une planification se compose de cinq parties séparées par des espaces : minute, heure, jour du mois, mois et jour de la semaine. Par exemple, « 30 7 * * * » s’exécute chaque jour à 07:30.</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>minute</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>heure</translation>
    </message>
    <message>
        <source>day of the month</source>
        <translation>jour du mois</translation>
    </message>
    <message>
        <source>month</source>
        <translation>mois</translation>
    </message>
    <message>
        <source>day of the week</source>
        <translation>jour de la semaine</translation>
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
        <translation>1–12 ou JAN–DEC</translation>
    </message>
    <message>
        <source>0–7 or SUN–SAT (0 and 7 are Sunday)</source>
        <translation>0–7 ou SUN–SAT (0 et 7 désignent le dimanche)</translation>
    </message>
    <message>
        <source>A cron expression has five parts:</source>
        <translation>Une expression cron comporte cinq parties :</translation>
    </message>
    <message>
        <source>In each part: * means every value, 1-5 a range, 1,15 a list, */10 every tenth. In the day of the month, L is the last day and LW the last weekday; in the day of the week, 5L is the last Friday and 1#2 the second Monday.</source>
        <translation>Dans chaque partie : * signifie toutes les valeurs, 1-5 un intervalle, 1,15 une liste, */10 une valeur sur dix. Dans le jour du mois, L est le dernier jour et LW le dernier jour ouvré ; dans le jour de la semaine, 5L est le dernier vendredi et 1#2 le deuxième lundi.</translation>
    </message>
    <message>
        <source>Examples: “0 9 * * 1-5” at 09:00 on Monday to Friday; “*/15 * * * *” every 15 minutes; “0 18 L * *” at 18:00 on the last day of every month.</source>
        <translation>Exemples : « 0 9 * * 1-5 » à 09:00 du lundi au vendredi ; « */15 * * * * » toutes les 15 minutes ; « 0 18 L * * » à 18:00 le dernier jour de chaque mois.</translation>
    </message>
    <message>
        <source>Choose at least one day.</source>
        <translation>Choisissez au moins un jour.</translation>
    </message>
    <message>
        <source>“%1” is not a time of day. Type it like 07:30.</source>
        <translation>« %1 » n’est pas une heure de la journée. Saisissez-la sous la forme 07:30.</translation>
    </message>
    <message>
        <source>%1 Choose a time that exists there.</source>
        <extracomment>%1 why the time does not exist (from the time-zone engine)</extracomment>
        <translation>%1 Choisissez une heure qui existe là-bas.</translation>
    </message>
    <message>
        <source>%1 %2, which is %3 for you</source>
        <extracomment>%1 time in the job&apos;s zone, %2 its abbreviation, %3 the same moment for the user</extracomment>
        <translation>%1 %2, soit %3 chez vous</translation>
    </message>
    <message>
        <source>The first time: %1</source>
        <translation>La première fois : %1</translation>
    </message>
    <message>
        <source>The second time: %1</source>
        <translation>La seconde fois : %1</translation>
    </message>
    <message>
        <source>%1 Choose which one you mean.</source>
        <translation>%1 Choisissez celle que vous voulez dire.</translation>
    </message>
    <message>
        <source>This time has already passed. Choose a time in the future.</source>
        <translation>Ce moment est déjà passé. Choisissez un moment dans le futur.</translation>
    </message>
    <message>
        <source>That is %1 for you.</source>
        <translation>Soit %1 chez vous.</translation>
    </message>
    <message>
        <source>Months without day %1 are skipped.</source>
        <translation>Les mois sans jour %1 sont sautés.</translation>
    </message>
    <message>
        <source>It never runs.</source>
        <translation>Elle ne s’exécute jamais.</translation>
    </message>
    <message>
        <source>Once, on %1 (%2).</source>
        <translation>Une fois, le %1 (%2).</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>%1 date and time, %2 time zone abbreviation</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>That time has passed: it does not run again.</source>
        <translation>Cette date est passée : la tâche ne s’exécutera plus.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobTargetPage</name>
    <message>
        <source>HTTP request</source>
        <translation>Requête HTTP</translation>
    </message>
    <message>
        <source>Shell command</source>
        <translation>Commande shell</translation>
    </message>
    <message>
        <source>A shell command runs on the scheduler nodes with their permissions. Only members of cronhelm_shell_admin can create shell jobs or change their commands. Write ${env:CRONHELM_SECRET_NAME} to use a secret the nodes&apos; operator declared; the command receives it as an environment variable, never as text.</source>
        <translation>Une commande shell s’exécute sur les nœuds planificateurs avec leurs droits. Seuls les membres de cronhelm_shell_admin peuvent créer des tâches shell ou modifier leurs commandes. Écrivez ${env:CRONHELM_SECRET_NAME} pour utiliser un secret déclaré par l’opérateur des nœuds ; la commande le reçoit comme variable d’environnement, jamais sous forme de texte.</translation>
    </message>
    <message>
        <source>The run counts as failed when the response body matches this regular expression, even with a good status.</source>
        <translation>L’exécution est considérée comme échouée si le corps de la réponse correspond à cette expression régulière, même avec un bon statut.</translation>
    </message>
    <message>
        <source>%1 holds a credential in plain text: every administrator can read it and every backup keeps it. Write ${env:CRONHELM_SECRET_NAME} instead and have the nodes&apos; operator declare it.</source>
        <translation>%1 contient une donnée d’authentification en clair : tout administrateur peut la lire et chaque sauvegarde la conserve. Écrivez plutôt ${env:CRONHELM_SECRET_NAME} et faites-la déclarer par l’opérateur des nœuds.</translation>
    </message>
    <message>
        <source>Runs the program directly: %1</source>
        <translation>Lance le programme directement : %1</translation>
    </message>
    <message>
        <source>Enter the web address to call, starting with https:// or http://.</source>
        <translation>Saisissez l’adresse web à appeler, commençant par https:// ou http://.</translation>
    </message>
    <message>
        <source>Enter the command to run.</source>
        <translation>Saisissez la commande à exécuter.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobsModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planification</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Prochaine exécution</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Dernier résultat</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Cron expression &quot;%1&quot; in %2</source>
        <translation>Expression cron « %1 » dans %2</translation>
    </message>
    <message>
        <source>Once, at %1 in %2</source>
        <translation>Une fois, à %1 dans %2</translation>
    </message>
    <message>
        <source>This job has not run yet.</source>
        <translation>Cette tâche ne s’est pas encore exécutée.</translation>
    </message>
    <message>
        <source>Run %1 started %2.</source>
        <translation>Exécution %1 démarrée le %2.</translation>
    </message>
    <message>
        <source>Run %1 finished %2.</source>
        <translation>Exécution %1 terminée le %2.</translation>
    </message>
    <message>
        <source>Running for %1 so far.</source>
        <translation>En cours depuis %1.</translation>
    </message>
    <message>
        <source>Paused by %1.</source>
        <translation>Mise en pause par %1.</translation>
    </message>
    <message>
        <source>Schedule problem</source>
        <translation>Problème de planification</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Once on %1 (%2)</source>
        <translation>Une fois le %1 (%2)</translation>
    </message>
    <message>
        <source>No live node has the labels %1: this job&apos;s runs wait, queued, until one does.</source>
        <translation>Aucun nœud actif n’a les étiquettes %1 : les exécutions de cette tâche restent en attente jusqu’à ce qu’un nœud les ait.</translation>
    </message>
    <message>
        <source>No node to run on</source>
        <translation>Aucun nœud pour l’exécuter</translation>
    </message>
</context>
<context>
    <name>Cronhelm::JobsView</name>
    <message>
        <source>Filter jobs by name, owner, description or schedule</source>
        <translation>Filtrer les tâches par nom, responsable, description ou planification</translation>
    </message>
    <message>
        <source>&amp;New Job…</source>
        <translation>&amp;Nouvelle tâche…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>&amp;Dupliquer…</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>Mettre en &amp;pause</translation>
    </message>
    <message>
        <source>&amp;Run Now</source>
        <translation>&amp;Exécuter maintenant</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Notify Me When It Fails</source>
        <translation>Me &amp;notifier en cas d’échec</translation>
    </message>
    <message>
        <source>Not connected to the database.</source>
        <translation>Non connecté à la base de données.</translation>
    </message>
    <message>
        <source>Select a job first.</source>
        <translation>Sélectionnez d’abord une tâche.</translation>
    </message>
    <message>
        <source>Create a new job</source>
        <translation>Créer une nouvelle tâche</translation>
    </message>
    <message>
        <source>Change the selected job</source>
        <translation>Modifier la tâche sélectionnée</translation>
    </message>
    <message>
        <source>Create a new job from a copy of the selected one</source>
        <translation>Créer une nouvelle tâche à partir d’une copie de celle sélectionnée</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Let the selected job run on its schedule again</source>
        <translation>Laisser de nouveau la tâche sélectionnée s’exécuter selon sa planification</translation>
    </message>
    <message>
        <source>Stop the selected job from running on its schedule</source>
        <translation>Empêcher la tâche sélectionnée de s’exécuter selon sa planification</translation>
    </message>
    <message>
        <source>Start the selected job now, outside its schedule</source>
        <translation>Démarrer la tâche sélectionnée maintenant, hors planification</translation>
    </message>
    <message>
        <source>Delete the selected job (its run history stays)</source>
        <translation>Supprimer la tâche sélectionnée (son historique est conservé)</translation>
    </message>
    <message>
        <source>Load all jobs again</source>
        <translation>Recharger toutes les tâches</translation>
    </message>
    <message>
        <source>Show a desktop notification when this job fails</source>
        <translation>Afficher une notification quand cette tâche échoue</translation>
    </message>
    <message>
        <source>Pausing &quot;%1&quot; failed.</source>
        <translation>La mise en pause de « %1 » a échoué.</translation>
    </message>
    <message>
        <source>Resuming &quot;%1&quot; failed.</source>
        <translation>La reprise de « %1 » a échoué.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be started.</source>
        <translation>« %1 » n’a pas pu être démarrée.</translation>
    </message>
    <message>
        <source>Delete Job</source>
        <translation>Supprimer la tâche</translation>
    </message>
    <message>
        <source>Delete the job &quot;%1&quot;?</source>
        <translation>Supprimer la tâche « %1 » ?</translation>
    </message>
    <message>
        <source>It will not run again. Its run history stays readable. A run in progress finishes and is recorded.</source>
        <translation>Elle ne s’exécutera plus. Son historique reste consultable. Une exécution en cours se termine et est enregistrée.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleting &quot;%1&quot; failed.</source>
        <translation>La suppression de « %1 » a échoué.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>%1 what failed, %2 the database&apos;s reason</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>No job matches “%1”.</source>
        <translation>Aucune tâche ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>No jobs yet. Use New Job (%1) to create the first one.</source>
        <translation>Aucune tâche pour l’instant. Créez la première avec « Nouvelle tâche » (%1).</translation>
    </message>
    <message>
        <source>No jobs yet. An administrator can create them.</source>
        <translation>Aucune tâche pour l’instant. Un administrateur peut en créer.</translation>
    </message>
    <message>
        <source>Failing first</source>
        <translation>En échec d’abord</translation>
    </message>
    <message>
        <source>Show only the jobs whose last run failed, timed out or was abandoned</source>
        <translation>Afficher uniquement les tâches dont la dernière exécution a échoué, a dépassé son délai ou a été abandonnée</translation>
    </message>
    <message>
        <source>List the failing jobs at the top, whatever the sort</source>
        <translation>Afficher les tâches en échec en haut, quel que soit le tri</translation>
    </message>
    <message>
        <source>Failing (%1)</source>
        <extracomment>the Jobs tab&apos;s filter button; %1 how many jobs are failing</extracomment>
        <translation>En échec (%1)</translation>
    </message>
    <message>
        <source>No job is failing.</source>
        <translation>Aucune tâche n’est en échec.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::LeadershipModel</name>
    <message>
        <source>Term</source>
        <translation>Mandat</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Exécuteur</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Previous executor</source>
        <translation>Exécuteur précédent</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>first executor</source>
        <translation>premier exécuteur</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>transmis</translation>
    </message>
    <message>
        <source>previous lease expired</source>
        <translation>bail précédent expiré</translation>
    </message>
    <message>
        <source>previous executor disappeared</source>
        <translation>exécuteur précédent disparu</translation>
    </message>
    <message>
        <source>current</source>
        <translation>en cours</translation>
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
        <translation>Le stockage local a besoin des programmes du serveur PostgreSQL (initdb, pg_ctl), mais ils ne sont pas dans %1 (CRONHELM_PG_BINDIR). Installez le paquet du serveur PostgreSQL (sudo apt install postgresql) ou corrigez CRONHELM_PG_BINDIR.</translation>
    </message>
    <message>
        <source>The local store in %1 was made with PostgreSQL %2, whose server programs are not installed. Install them (sudo apt install postgresql-%2) and try again.</source>
        <translation>Le stockage local dans %1 a été créé avec PostgreSQL %2, dont les programmes serveur ne sont pas installés. Installez-les (sudo apt install postgresql-%2) et réessayez.</translation>
    </message>
    <message>
        <source>The local store needs the PostgreSQL server programs (initdb, pg_ctl), which are not installed on this computer. Install the PostgreSQL server package (sudo apt install postgresql) and try again.</source>
        <translation>Le stockage local a besoin des programmes du serveur PostgreSQL (initdb, pg_ctl), qui ne sont pas installés sur cet ordinateur. Installez le paquet du serveur PostgreSQL (sudo apt install postgresql) et réessayez.</translation>
    </message>
    <message>
        <source>Preparing the local store in %1…</source>
        <translation>Préparation du stockage local dans %1…</translation>
    </message>
    <message>
        <source>Creating the local store (the first start takes a few seconds)…</source>
        <translation>Création du stockage local (le premier démarrage prend quelques secondes)…</translation>
    </message>
    <message>
        <source>Using the local database server that is already running.</source>
        <translation>Utilisation du serveur de base de données local déjà en marche.</translation>
    </message>
    <message>
        <source>Starting the local database server…</source>
        <translation>Démarrage du serveur de base de données local…</translation>
    </message>
    <message>
        <source>Bringing the local store&apos;s schema up to date…</source>
        <translation>Mise à jour du schéma du stockage local…</translation>
    </message>
    <message>
        <source>The folder %1 for the local store cannot be created.</source>
        <translation>Le dossier %1 du stockage local ne peut pas être créé.</translation>
    </message>
    <message>
        <source>The local store&apos;s server runs as the &apos;postgres&apos; user, which cannot enter the folder %1. Choose a data folder that other users can enter with CRONHELM_LOCAL_DIR (for example under /var/lib).</source>
        <translation>Le serveur du stockage local tourne sous l’utilisateur « postgres », qui ne peut pas entrer dans le dossier %1. Choisissez avec CRONHELM_LOCAL_DIR un dossier de données accessible aux autres utilisateurs (par exemple sous /var/lib).</translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation>Le fichier %1 ne peut pas être écrit : %2</translation>
    </message>
    <message>
        <source>The local store&apos;s folder %1 is too deep: the database server&apos;s socket path would be %2 bytes long, but the system allows at most %3. Choose a shorter folder with CRONHELM_LOCAL_DIR.</source>
        <translation>Le dossier %1 du stockage local est trop profond : le chemin du socket du serveur ferait %2 octets, le système en permet au plus %3. Choisissez un dossier plus court avec CRONHELM_LOCAL_DIR.</translation>
    </message>
    <message>
        <source>The local store&apos;s folder %1 contains a quote character, which the database server cannot use. Choose another folder with CRONHELM_LOCAL_DIR.</source>
        <translation>Le dossier %1 du stockage local contient un guillemet, que le serveur de base de données ne peut pas utiliser. Choisissez un autre dossier avec CRONHELM_LOCAL_DIR.</translation>
    </message>
    <message>
        <source>Creating the local store failed (initdb):
%1</source>
        <translation>La création du stockage local a échoué (initdb) :
%1</translation>
    </message>
    <message>
        <source>The local database server did not start. Its log says:
%1</source>
        <translation>Le serveur de base de données local n’a pas démarré. Son journal indique :
%1</translation>
    </message>
    <message>
        <source>Cannot connect to the local database server: %1</source>
        <translation>Impossible de se connecter au serveur de base de données local : %1</translation>
    </message>
    <message>
        <source>The cronhelm database cannot be created in the local store: %1</source>
        <translation>La base de données cronhelm ne peut pas être créée dans le stockage local : %1</translation>
    </message>
    <message>
        <source>The schema of the local store cannot be brought up to date: %1</source>
        <translation>Le schéma du stockage local ne peut pas être mis à jour : %1</translation>
    </message>
    <message>
        <source>The local database server did not stop: %1</source>
        <translation>Le serveur de base de données local ne s’est pas arrêté : %1</translation>
    </message>
    <message>
        <source>runuser is not installed; it is needed to run the database server as the &apos;postgres&apos; user.</source>
        <translation>runuser n’est pas installé ; il est nécessaire pour exécuter le serveur de base de données sous l’utilisateur « postgres ».</translation>
    </message>
    <message>
        <source>%1 cannot be run: %2</source>
        <translation>%1 ne peut pas être exécuté : %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 did not finish within %n seconds.</source>
        <translation>
            <numerusform>%1 ne s’est pas terminé en %n seconde.</numerusform>
            <numerusform>%1 ne s’est pas terminé en %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>As root, the local store&apos;s server runs as the &apos;postgres&apos; user, but there is no such user. Install the PostgreSQL server package (sudo apt install postgresql).</source>
        <translation>En root, le serveur du stockage local tourne sous l’utilisateur « postgres », mais cet utilisateur n’existe pas. Installez le paquet du serveur PostgreSQL (sudo apt install postgresql).</translation>
    </message>
    <message>
        <source>The folder %1 cannot be given to the &apos;postgres&apos; user.</source>
        <translation>Le dossier %1 ne peut pas être attribué à l’utilisateur « postgres ».</translation>
    </message>
    <message>
        <source>The folder %1 cannot be opened to the &apos;postgres&apos; user alone.</source>
        <translation>Le dossier %1 ne peut pas être ouvert au seul utilisateur « postgres ».</translation>
    </message>
    <message>
        <source>The local database server did not reload its access rules: %1</source>
        <translation>Le serveur de base de données local n’a pas rechargé ses règles d’accès : %1</translation>
    </message>
    <message>
        <source>The local database server did not reload its access rules in time: %1</source>
        <translation>Le serveur de base de données local n’a pas rechargé ses règles d’accès à temps : %1</translation>
    </message>
    <message>
        <source>The local store&apos;s %1 cannot be closed to other users.</source>
        <translation>%1 du stockage local ne peut pas être fermé aux autres utilisateurs.</translation>
    </message>
    <message>
        <source>The local store&apos;s %1 is a symbolic link; refusing to use it. Remove it, or choose another data folder with CRONHELM_LOCAL_DIR.</source>
        <translation>Le %1 du stockage local est un lien symbolique ; il n&apos;est pas utilisé. Supprimez-le ou choisissez un autre dossier de données avec CRONHELM_LOCAL_DIR.</translation>
    </message>
    <message>
        <source>The local store&apos;s folder %1 belongs to another user; refusing to use it. Choose another data folder with CRONHELM_LOCAL_DIR.</source>
        <translation>Le dossier %1 du stockage local appartient à un autre utilisateur ; il n&apos;est pas utilisé. Choisissez un autre dossier de données avec CRONHELM_LOCAL_DIR.</translation>
    </message>
    <message>
        <source>The local store&apos;s %1 is not a plain file; refusing to write it.</source>
        <translation>Le %1 du stockage local n&apos;est pas un fichier ordinaire ; il n&apos;est pas écrit.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::LocalStack</name>
    <message>
        <source>The local store is stopping. Try again in a moment.</source>
        <translation>Le stockage local est en cours d’arrêt. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Starting the scheduler node %1…</source>
        <translation>Démarrage du nœud planificateur %1…</translation>
    </message>
    <message>
        <source>The local scheduler node stopped (code %1), so the local jobs do not run. Its log is in %2.</source>
        <extracomment>%1 the node&apos;s exit code, %2 its log file</extracomment>
        <translation>Le nœud planificateur local s’est arrêté (code %1), les tâches locales ne s’exécutent donc pas. Son journal se trouve dans %2.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::LocalStoreController</name>
    <message>
        <source>The local store could not be started. %1</source>
        <translation>Le stockage local n’a pas pu être démarré. %1</translation>
    </message>
    <message>
        <source>Starting the local store on this computer…</source>
        <translation>Démarrage du stockage local sur cet ordinateur…</translation>
    </message>
</context>
<context>
    <name>Cronhelm::LogViewer</name>
    <message>
        <source>&amp;Follow output</source>
        <translation>&amp;Suivre la sortie</translation>
    </message>
    <message>
        <source>Jump to &amp;End</source>
        <translation>Aller à la &amp;fin</translation>
    </message>
    <message>
        <source>&amp;Cancel Run</source>
        <translation>&amp;Annuler l’exécution</translation>
    </message>
    <message>
        <source>Match c&amp;ase</source>
        <translation>Respecter la c&amp;asse</translation>
    </message>
    <message>
        <source>Log of Run %1</source>
        <translation>Journal de l’exécution %1</translation>
    </message>
    <message>
        <source>Find in log</source>
        <translation>Rechercher dans le journal</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Find the previous match (Shift+F3)</source>
        <translation>Rechercher l’occurrence précédente (Maj+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Find the next match (F3)</source>
        <translation>Rechercher l’occurrence suivante (F3)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Rechercher :</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Keep showing the newest output. Scrolling up pauses this.</source>
        <translation>Toujours afficher la sortie la plus récente. Remonter met cela en pause.</translation>
    </message>
    <message>
        <source>The run could not be cancelled: %1</source>
        <translation>L’exécution n’a pas pu être annulée : %1</translation>
    </message>
    <message>
        <source>The log could not be loaded: %1</source>
        <translation>Le journal n’a pas pu être chargé : %1</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Exécution %1</translation>
    </message>
    <message>
        <source>Log of Run %1 — %2</source>
        <translation>Journal de l’exécution %1 — %2</translation>
    </message>
    <message>
        <source>%1 — run %2: %3</source>
        <translation>%1 — exécution %2 : %3</translation>
    </message>
    <message>
        <source>Scheduled for %1</source>
        <translation>Planifiée pour %1</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>démarrée %1</translation>
    </message>
    <message>
        <source>finished %1</source>
        <translation>terminée %1</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>durée %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>sur %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>code de sortie %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Stop this run</source>
        <translation>Arrêter cette exécution</translation>
    </message>
    <message>
        <source>The output of this run was cut at its log limit: only the first part was kept. The end of the output is missing below.</source>
        <translation>La sortie de cette exécution a été coupée à la limite du journal : seule la première partie a été conservée. La fin de la sortie manque ci-dessous.</translation>
    </message>
    <message>
        <source>——— output truncated here: the rest was not kept ———</source>
        <translation>——— sortie tronquée ici : la suite n’a pas été conservée ———</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Enregistrer le journal</translation>
    </message>
    <message>
        <source>run-%1.log</source>
        <translation>execution-%1.log</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>Fichiers journaux (*.log *.txt)</translation>
    </message>
    <message>
        <source>The log cannot be saved to %1: %2</source>
        <translation>Le journal ne peut pas être enregistré dans %1 : %2</translation>
    </message>
    <message>
        <source>The log was saved to %1.</source>
        <translation>Le journal a été enregistré dans %1.</translation>
    </message>
    <message>
        <source>queued: %1</source>
        <translation>en attente : %1</translation>
    </message>
</context>
<context>
    <name>Cronhelm::MainWindow</name>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Tâches</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>&amp;Upcoming</source>
        <translation>À &amp;venir</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>&amp;Grappe</translation>
    </message>
    <message>
        <source>Show Log</source>
        <translation>Afficher le journal</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>Cronhelm could not connect to the database. %1</source>
        <translation>Cronhelm n’a pas pu se connecter à la base de données. %1</translation>
    </message>
    <message>
        <source>Connected again. The lists are up to date.</source>
        <translation>De nouveau connecté. Les listes sont à jour.</translation>
    </message>
    <message>
        <source>The jobs could not be loaded: %1</source>
        <translation>Les tâches n’ont pas pu être chargées : %1</translation>
    </message>
    <message>
        <source>“%1” was started as run %2.</source>
        <translation>« %1 » a été démarrée (exécution %2).</translation>
    </message>
    <message>
        <source>The password was not saved. %1</source>
        <translation>Le mot de passe n’a pas été enregistré. %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Connect to Database…</source>
        <translation>&amp;Se connecter à une base…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Job</source>
        <translation>T&amp;âche</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Filter Jobs</source>
        <translation>&amp;Filtrer les tâches</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Cronhelm</source>
        <translation>À &amp;propos de Cronhelm</translation>
    </message>
    <message>
        <source>About Cronhelm</source>
        <translation>À propos de Cronhelm</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Cronhelm %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Highly available cron for teams: see every job, every run and its log, and run jobs yourself.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Cronhelm %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Un cron hautement disponible pour les équipes : voyez chaque tâche, chaque exécution et son journal, et lancez les tâches vous-même.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Not connected to a database. Connect to see your jobs.</source>
        <translation>Non connecté à une base. Connectez-vous pour voir vos tâches.</translation>
    </message>
    <message>
        <source>Connected to the local store on this computer. Its jobs run while Cronhelm is open.</source>
        <translation>Connecté au stockage local de cet ordinateur. Ses tâches s’exécutent tant que Cronhelm est ouvert.</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Jobs whose last run failed, timed out or was abandoned. Click to list them.</source>
        <translation>Tâches dont la dernière exécution a échoué, a dépassé son délai ou a été abandonnée. Cliquez pour les afficher.</translation>
    </message>
    <message>
        <source>History &amp;Retention…</source>
        <translation>&amp;Conservation de l’historique…</translation>
    </message>
    <message>
        <source>How long the run history is kept</source>
        <translation>Durée de conservation de l’historique des exécutions</translation>
    </message>
    <message>
        <source>Deleted &amp;Jobs…</source>
        <translation>Tâches s&amp;upprimées…</translation>
    </message>
    <message>
        <source>See deleted jobs and restore one</source>
        <translation>Voir les tâches supprimées et en restaurer une</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>%1 took over running jobs from %2, which stopped responding at %3.</source>
        <extracomment>%1 new node, %2 old node, %3 time of its last heartbeat</extracomment>
        <translation>%1 a repris l’exécution des tâches de %2, qui a cessé de répondre à %3.</translation>
    </message>
    <message>
        <source>%1 took over running jobs from %2, which stopped responding.</source>
        <translation>%1 a repris l’exécution des tâches de %2, qui a cessé de répondre.</translation>
    </message>
    <message>
        <source>Jobs now run on %1</source>
        <translation>Les tâches s’exécutent maintenant sur %1</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Jobs (%n failing)</source>
        <translation>
            <numerusform>&amp;Tâches (%n en échec)</numerusform>
            <numerusform>&amp;Tâches (%n en échec)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failing</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cronhelm::MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation>Fermer ce message</translation>
    </message>
</context>
<context>
    <name>Cronhelm::Models</name>
    <message>
        <source>The server refused the password. Check the user name and the password.</source>
        <translation>Le serveur a refusé le mot de passe. Vérifiez le nom d’utilisateur et le mot de passe.</translation>
    </message>
    <message>
        <source>The server asks for a password, but none was given.</source>
        <translation>Le serveur demande un mot de passe, mais aucun n’a été donné.</translation>
    </message>
    <message>
        <source>The database does not exist on this server. Check the database name.</source>
        <translation>La base de données n’existe pas sur ce serveur. Vérifiez son nom.</translation>
    </message>
    <message>
        <source>The CA certificate file cannot be read. Choose the CA file your administrator gave you.</source>
        <translation>Le fichier de certificat de l’AC ne peut pas être lu. Choisissez le fichier d’AC fourni par votre administrateur.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was issued for a different host name. Use the host name written in the certificate.</source>
        <translation>Le certificat du serveur a été émis pour un autre nom d’hôte. Utilisez le nom d’hôte inscrit dans le certificat.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified with the CA file. Check that you chose the right CA file.</source>
        <translation>Le certificat du serveur n’a pas pu être vérifié avec le fichier d’AC. Vérifiez que vous avez choisi le bon fichier.</translation>
    </message>
    <message>
        <source>The server does not offer TLS, but the connection requires it.</source>
        <translation>Le serveur ne propose pas TLS, mais la connexion l’exige.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the host name and port, and that this computer is on the right network (VPN).</source>
        <translation>Le serveur est injoignable. Vérifiez le nom d’hôte et le port, et que cet ordinateur est sur le bon réseau (VPN).</translation>
    </message>
    <message>
        <source>%1

Details: %2</source>
        <extracomment>%1 the explanation, %2 the database library&apos;s own message</extracomment>
        <translation>%1

Détails : %2</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussie</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Délai dépassé</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abandonnée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Sautée</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Never ran</source>
        <translation>Jamais exécutée</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planification</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Exécution immédiate</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Nouvel essai</translation>
    </message>
    <message>
        <source>Catch-up</source>
        <translation>Rattrapage</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy HH:mm:ss</source>
        <extracomment>Date and time format (Qt QDateTime format), e.g. &quot;Tue 3 Mar 2026 14:05&quot;</extracomment>
        <translation>ddd d MMM yyyy HH:mm:ss</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy HH:mm</source>
        <translation>ddd d MMM yyyy HH:mm</translation>
    </message>
    <message>
        <source>ddd d MMM HH:mm</source>
        <extracomment>Short date and time format for tables (Qt QDateTime format)</extracomment>
        <translation>ddd d MMM HH:mm</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (%2 %3 in %4)</source>
        <extracomment>%1 the time in the viewer&apos;s zone, %2 the time in the job&apos;s zone, %3 its abbreviation, %4 the job&apos;s zone id</extracomment>
        <translation>%1 (%2 %3 à %4)</translation>
    </message>
    <message>
        <source>%1 (%2 %3)</source>
        <extracomment>%1 the time in the viewer&apos;s zone, %2 the time in the job&apos;s zone, %3 the job zone&apos;s city</extracomment>
        <translation>%1 (%2 %3)</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>opérateur</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>lecteur</translation>
    </message>
    <message>
        <source>no Cronhelm role</source>
        <translation>sans rôle Cronhelm</translation>
    </message>
    <message>
        <source>You are signed in as %1. Running, pausing and resuming jobs needs the cronhelm_operator or cronhelm_admin role.</source>
        <translation>Vous êtes connecté en tant que %1. Exécuter, mettre en pause et reprendre des tâches exige le rôle cronhelm_operator ou cronhelm_admin.</translation>
    </message>
    <message>
        <source>You are signed in as %1. Creating, changing and deleting jobs needs the cronhelm_admin role.</source>
        <translation>Vous êtes connecté en tant que %1. Créer, modifier et supprimer des tâches exige le rôle cronhelm_admin.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>Déconnecté.</translation>
    </message>
    <message>
        <source>The connection to the database is lost; Cronhelm is reconnecting. Try again when it is back.</source>
        <translation>La connexion à la base est perdue ; Cronhelm se reconnecte. Réessayez quand elle sera rétablie.</translation>
    </message>
    <message>
        <source>Not connected to a Cronhelm database.</source>
        <translation>Non connecté à une base Cronhelm.</translation>
    </message>
    <message>
        <source>The server closed the connection.</source>
        <translation>Le serveur a fermé la connexion.</translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation>Le fichier %1 ne peut pas être écrit : %2</translation>
    </message>
    <message>
        <source>The server refused this login. Check the user name, the password and the database name, or ask the database administrator whether this computer may connect.</source>
        <translation>Le serveur a refusé cette connexion. Vérifiez le nom d&apos;utilisateur, le mot de passe et le nom de la base, ou demandez à l&apos;administrateur de la base si cet ordinateur peut se connecter.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>code de sortie %1</translation>
    </message>
    <message>
        <source> · </source>
        <extracomment>separates the parts of a run&apos;s result (&quot;HTTP 502 · Bad gateway&quot;)</extracomment>
        <translation> · </translation>
    </message>
    <message>
        <source>A shell command runs on every scheduler node, so creating or changing one needs the cronhelm_shell_admin role.</source>
        <translation>Une commande shell s’exécute sur chaque nœud planificateur : la créer ou la modifier exige donc le rôle cronhelm_shell_admin.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>a column title of the spreadsheet export and its time zone: &quot;Started (Europe/Berlin)&quot;</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>You are signed in as %1. Changing how long the run history is kept needs the cronhelm_admin role.</source>
        <translation>Vous êtes connecté en tant que %1. Modifier la durée de conservation de l’historique des exécutions exige le rôle cronhelm_admin.</translation>
    </message>
    <message>
        <source>The server does not let this user in from this computer: the user may not exist or may not log in, or the server does not accept connections from here for this user and database (pg_hba.conf). Check the user name, or ask the database administrator.</source>
        <translation>Le serveur ne laisse pas entrer cet utilisateur depuis cet ordinateur : l&apos;utilisateur n&apos;existe peut-être pas ou ne peut pas se connecter, ou le serveur n&apos;accepte pas de connexions d&apos;ici pour cet utilisateur et cette base (pg_hba.conf). Vérifiez le nom d&apos;utilisateur ou demandez à l&apos;administrateur de la base.</translation>
    </message>
    <message>
        <source>This user may not connect to this database. Ask the database administrator to grant it CONNECT.</source>
        <translation>Cet utilisateur ne peut pas se connecter à cette base. Demandez à l&apos;administrateur de la base de lui accorder CONNECT.</translation>
    </message>
    <message>
        <source>The server has no connection to spare right now (too many clients, or this user&apos;s connection limit is reached).</source>
        <translation>Le serveur n&apos;a aucune connexion disponible pour le moment (trop de clients, ou la limite de connexions de cet utilisateur est atteinte).</translation>
    </message>
    <message>
        <source>The server is starting up or shutting down.</source>
        <translation>Le serveur est en cours de démarrage ou d&apos;arrêt.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::PasswordStore</name>
    <message>
        <source>No password is stored for this connection.</source>
        <translation>Aucun mot de passe n’est enregistré pour cette connexion.</translation>
    </message>
    <message>
        <source>Access to the system keychain was refused (%1).</source>
        <translation>L’accès au trousseau du système a été refusé (%1).</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1). Cronhelm does not store passwords anywhere else, so it will ask for the password each session.</source>
        <translation>Le trousseau du système n’est pas disponible (%1). Cronhelm ne conserve les mots de passe nulle part ailleurs ; il demandera donc le mot de passe à chaque session.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::RetentionDialog</name>
    <message>
        <source>Runs and their output are deleted once they are older than the days below, except the last runs of each job. A job can set its own values. The executor deletes them in small batches, without delaying any job.</source>
        <translation>Les exécutions et leur sortie sont supprimées dès qu’elles sont plus anciennes que le nombre de jours ci-dessous, sauf les dernières exécutions de chaque tâche. Une tâche peut définir ses propres valeurs. L’exécuteur les supprime par petits lots, sans retarder aucune tâche.</translation>
    </message>
    <message>
        <source> days</source>
        <extracomment>Spin box suffix: &quot;365 days&quot;</extracomment>
        <translation> jours</translation>
    </message>
    <message>
        <source> runs of each job</source>
        <extracomment>Spin box suffix: &quot;100 runs of each job&quot;</extracomment>
        <translation> exécutions par tâche</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Nouvel essai</translation>
    </message>
    <message>
        <source>The retention policy could not be read: %1</source>
        <translation>La politique de conservation n’a pas pu être lue : %1</translation>
    </message>
    <message>
        <source>The retention policy was not saved: %1</source>
        <translation>La politique de conservation n’a pas été enregistrée : %1</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Deletes runs after</source>
        <translation>Supprime les exécutions après</translation>
    </message>
    <message>
        <source>Keeps at least</source>
        <translation>Garde au moins</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>as the policy says</source>
        <translation>selon la règle</translation>
    </message>
    <message numerus="yes">
        <source>the last %n run(s)</source>
        <translation>
            <numerusform>la dernière exécution</numerusform>
            <numerusform>les %n dernières exécutions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cronhelm::RunActions</name>
    <message>
        <source>Show &amp;Log</source>
        <translation>Afficher le &amp;journal</translation>
    </message>
    <message>
        <source>&amp;Run Again</source>
        <translation>&amp;Relancer</translation>
    </message>
    <message>
        <source>&amp;Cancel Run</source>
        <translation>&amp;Annuler l’exécution</translation>
    </message>
    <message>
        <source>Only a queued or running run can be cancelled.</source>
        <translation>Seule une exécution en attente ou en cours peut être annulée.</translation>
    </message>
    <message>
        <source>&amp;Go to Job</source>
        <translation>Aller à la &amp;tâche</translation>
    </message>
    <message>
        <source>Cop&amp;y Log</source>
        <translation>&amp;Copier le journal</translation>
    </message>
    <message>
        <source>&amp;Save Log As…</source>
        <translation>&amp;Enregistrer le journal sous…</translation>
    </message>
    <message>
        <source>“%1” could not be started: %2</source>
        <translation>« %1 » n’a pas pu être démarrée : %2</translation>
    </message>
    <message>
        <source>Run %1 could not be cancelled: %2</source>
        <translation>L’exécution %1 n’a pas pu être annulée : %2</translation>
    </message>
    <message>
        <source>Run %1 of “%2” is being cancelled.</source>
        <translation>L’exécution %1 de « %2 » est en cours d’annulation.</translation>
    </message>
    <message>
        <source>The log of run %1 could not be read: %2</source>
        <translation>Le journal de l’exécution %1 n’a pas pu être lu : %2</translation>
    </message>
    <message>
        <source>The log of run %1 was copied.</source>
        <translation>Le journal de l’exécution %1 a été copié.</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Enregistrer le journal</translation>
    </message>
    <message>
        <source>run-%1.log</source>
        <translation>execution-%1.log</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>Fichiers journaux (*.log *.txt)</translation>
    </message>
    <message>
        <source>The log cannot be saved to %1: %2</source>
        <translation>Le journal ne peut pas être enregistré dans %1 : %2</translation>
    </message>
    <message>
        <source>The log was saved to %1.</source>
        <translation>Le journal a été enregistré dans %1.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::RunHistoryModel</name>
    <message>
        <source>The history can be sorted by run, status, scheduled time and duration.</source>
        <translation>L’historique peut être trié par exécution, statut, heure planifiée et durée.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>Lancée par</translation>
    </message>
    <message>
        <source>Scheduled for</source>
        <translation>Planifiée pour</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Démarrée</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Annulation en cours</translation>
    </message>
    <message>
        <source>Run now by %1</source>
        <translation>Exécution immédiate par %1</translation>
    </message>
    <message>
        <source>Retry (attempt %1)</source>
        <translation>Nouvel essai (tentative %1)</translation>
    </message>
    <message>
        <source>The log of this run was cut at its size limit.</source>
        <translation>Le journal de cette exécution a été coupé à sa taille limite.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
</context>
<context>
    <name>Cronhelm::SizeEdit</name>
    <message>
        <source>KB</source>
        <extracomment>units of data size: kilobytes, megabytes</extracomment>
        <translation>Ko</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>Mo</translation>
    </message>
</context>
<context>
    <name>Cronhelm::Startup</name>
    <message>
        <source>Cronhelm: see and run your team&apos;s scheduled jobs.</source>
        <translation>Cronhelm : voir et lancer les tâches planifiées de votre équipe.</translation>
    </message>
    <message>
        <source>Connect to the database described by this libpq connection string or URI.</source>
        <translation>Se connecter à la base décrite par cette chaîne de connexion libpq ou cette URI.</translation>
    </message>
    <message>
        <source>Connect with a saved connection profile.</source>
        <translation>Se connecter avec un profil de connexion enregistré.</translation>
    </message>
    <message>
        <source>Start a private store and scheduler on this computer.</source>
        <translation>Démarrer un stockage et un planificateur privés sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Show the application in this language (e.g. de, fr).</source>
        <translation>Afficher l’application dans cette langue (par ex. de, fr).</translation>
    </message>
    <message>
        <source>Use only one of --db, --profile and --local.
</source>
        <translation>Utilisez une seule des options --db, --profile et --local.
</translation>
    </message>
    <message>
        <source>Unexpected argument: %1
</source>
        <translation>Argument inattendu : %1
</translation>
    </message>
    <message>
        <source>cronhelm: there is no saved connection named &quot;%1&quot;. Saved connections: %2
</source>
        <translation>cronhelm : il n’y a pas de connexion enregistrée nommée « %1 ». Connexions enregistrées : %2
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
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Run %1 of “%2” did not succeed. Open Cronhelm to read its log.</source>
        <translation>L’exécution %1 de « %2 » n’a pas réussi. Ouvrez Cronhelm pour lire son journal.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::UpcomingModel</name>
    <message>
        <source>When (your time)</source>
        <translation>Quand (votre heure)</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>In the job&apos;s time zone</source>
        <translation>Dans le fuseau horaire de la tâche</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Clocks change in %1</source>
        <translation>Changement d’heure à %1</translation>
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
        <translation>Ponctuelle</translation>
    </message>
    <message numerus="yes">
        <source>Runs %n times in this period, until %1.</source>
        <translation>
            <numerusform>S’exécute %n fois sur cette période, jusqu’à %1.</numerusform>
            <numerusform>S’exécute %n fois sur cette période, jusqu’à %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>forward</source>
        <translation>en avant</translation>
    </message>
    <message>
        <source>back</source>
        <translation>en arrière</translation>
    </message>
    <message>
        <source>Clocks go %1 by %2 min (%3 → %4). Jobs at the skipped or repeated times follow the rules in their schedule.</source>
        <extracomment>%1 forward/back, %2 how many minutes, %3 offset before, %4 offset after</extracomment>
        <translation>Les horloges sont décalées %1 de %2 min (%3 → %4). Les tâches aux heures sautées ou répétées suivent les règles de leur planification.</translation>
    </message>
</context>
<context>
    <name>Cronhelm::UpcomingView</name>
    <message>
        <source>Next 24 hours</source>
        <translation>24 prochaines heures</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>7 prochains jours</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) ahead, shown in your time zone (%1).</source>
        <translation>
            <numerusform>%n exécution à venir, affichée dans votre fuseau horaire (%1).</numerusform>
            <numerusform>%n exécutions à venir, affichées dans votre fuseau horaire (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clock change(s) in the jobs&apos; time zones.</source>
        <translation>
            <numerusform>%n changement d’heure dans les fuseaux des tâches.</numerusform>
            <numerusform>%n changements d’heure dans les fuseaux des tâches.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
</context>
<context>
    <name>Cronhelm::UserGuideWindow</name>
    <message>
        <source>Cronhelm User Guide</source>
        <translation>Guide de l’utilisateur de Cronhelm</translation>
    </message>
    <message>
        <source>The user guide is not installed on this computer. It is in the cronhelm package (/usr/share/doc/cronhelm/user-guide.md) and in the source tree (docs/user-guide.md).</source>
        <translation>Le guide de l’utilisateur n’est pas installé sur cet ordinateur. Il se trouve dans le paquet cronhelm (/usr/share/doc/cronhelm/user-guide.md) et dans l’arborescence des sources (docs/user-guide.md).</translation>
    </message>
</context>
<context>
    <name>Cronhelm::ZonePicker</name>
    <message>
        <source>Type a city or region, e.g. Berlin</source>
        <translation>Saisissez une ville ou une région, par ex. Paris</translation>
    </message>
</context>
<context>
    <name>JobBehaviourPage</name>
    <message>
        <source>&amp;Stop it after:</source>
        <translation>&amp;L’arrêter après :</translation>
    </message>
    <message>
        <source>&amp;Retries after a failure:</source>
        <translation>Nouveaux &amp;essais après un échec :</translation>
    </message>
    <message>
        <source>&amp;Wait before retrying:</source>
        <translation>&amp;Attendre avant de réessayer :</translation>
    </message>
    <message>
        <source>If it is still r&amp;unning when due:</source>
        <translation>Si elle est encore en co&amp;urs à l’échéance :</translation>
    </message>
    <message>
        <source>Runs &amp;missed while no scheduler ran:</source>
        <translation>Exécutions &amp;manquées sans planificateur actif :</translation>
    </message>
    <message>
        <source>&amp;Keep log output up to:</source>
        <translation>&amp;Conserver la sortie jusqu’à :</translation>
    </message>
    <message>
        <source>Run &amp;history:</source>
        <translation>&amp;Historique des exécutions :</translation>
    </message>
    <message>
        <source>Delete its runs after</source>
        <translation>Supprimer ses exécutions après</translation>
    </message>
    <message>
        <source>Days to keep this job&apos;s runs</source>
        <translation>Jours de conservation des exécutions de cette tâche</translation>
    </message>
    <message>
        <source>But keep at least its last</source>
        <translation>Mais garder au moins les dernières</translation>
    </message>
    <message>
        <source>Runs of this job to keep</source>
        <translation>Exécutions de cette tâche à garder</translation>
    </message>
</context>
<context>
    <name>JobGeneralPage</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>e.g. Nightly CRM sync</source>
        <translation>par ex. Synchronisation CRM nocturne</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Responsable :</translation>
    </message>
    <message>
        <source>Who to ask about this job</source>
        <translation>Qui contacter au sujet de cette tâche</translation>
    </message>
    <message>
        <source>&amp;Active: run on the schedule (clear to create it paused)</source>
        <translation>&amp;Active : s’exécute selon la planification (décochez pour la créer en pause)</translation>
    </message>
</context>
<context>
    <name>JobNotifyPage</name>
    <message>
        <source>Tell a Slack channel or another system when this job fails, succeeds, or works again after failing. Use an incoming webhook URL.</source>
        <translation>Prévenir un canal Slack ou un autre système quand cette tâche échoue, réussit ou fonctionne de nouveau après un échec. Utilisez l’URL d’un webhook entrant.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Réussite</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Rétablissement</translation>
    </message>
    <message>
        <source>Add Target</source>
        <translation>Ajouter une cible</translation>
    </message>
    <message>
        <source>Remove Target</source>
        <translation>Retirer la cible</translation>
    </message>
    <message>
        <source>Repeat a &amp;failure notice at most every:</source>
        <translation>Répéter un avis d’é&amp;chec au plus toutes les :</translation>
    </message>
</context>
<context>
    <name>JobSchedulePage</name>
    <message>
        <source>&amp;Repeat on a schedule</source>
        <translation>Répéter selon une &amp;planification</translation>
    </message>
    <message>
        <source>Run &amp;once</source>
        <translation>Exécuter une &amp;seule fois</translation>
    </message>
    <message>
        <source>Re&amp;peat:</source>
        <translation>&amp;Répéter :</translation>
    </message>
    <message>
        <source>E&amp;very:</source>
        <translation>&amp;Toutes les :</translation>
    </message>
    <message>
        <source>At m&amp;inute:</source>
        <translation>À la m&amp;inute :</translation>
    </message>
    <message>
        <source>At &amp;time:</source>
        <translation>À l’&amp;heure :</translation>
    </message>
    <message>
        <source>On these days:</source>
        <translation>Ces jours-là :</translation>
    </message>
    <message>
        <source>On day of the &amp;month:</source>
        <translation>Le &amp;jour du mois :</translation>
    </message>
    <message>
        <source>Cron e&amp;xpression:</source>
        <translation>E&amp;xpression cron :</translation>
    </message>
    <message>
        <source>e.g. 0 8-18/2 * * 1-5</source>
        <translation>par ex. 0 8-18/2 * * 1-5</translation>
    </message>
    <message>
        <source>What’s this schedule?</source>
        <translation>Que signifie cette planification ?</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>&amp;Date et heure :</translation>
    </message>
    <message>
        <source>Which one do you mean?</source>
        <translation>Laquelle voulez-vous dire ?</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Fuseau horaire :</translation>
    </message>
    <message>
        <source>Next runs:</source>
        <translation>Prochaines exécutions :</translation>
    </message>
    <message>
        <source>In the job&apos;s time zone</source>
        <translation>Dans le fuseau horaire de la tâche</translation>
    </message>
    <message>
        <source>In your time zone</source>
        <translation>Dans votre fuseau horaire</translation>
    </message>
</context>
<context>
    <name>JobTargetPage</name>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Méthode :</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL :</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>&amp;En-têtes :</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Add Header</source>
        <translation>Ajouter un en-tête</translation>
    </message>
    <message>
        <source>Remove Header</source>
        <translation>Retirer l’en-tête</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Corps :</translation>
    </message>
    <message>
        <source>E&amp;xpected status:</source>
        <translation>Statut &amp;attendu :</translation>
    </message>
    <message>
        <source>&amp;Fail if the response matches:</source>
        <translation>É&amp;chec si la réponse correspond à :</translation>
    </message>
    <message>
        <source>a regular expression, e.g. &quot;error&quot;:\s*true</source>
        <translation>une expression régulière, par ex. &quot;error&quot;:\s*true</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;Commande :</translation>
    </message>
    <message>
        <source>e.g. /opt/jobs/sync.sh --full</source>
        <translation>par ex. /opt/jobs/sync.sh --full</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>Répertoire de &amp;travail :</translation>
    </message>
    <message>
        <source>the node’s own directory</source>
        <translation>le répertoire du nœud</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Environnement :</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Add Variable</source>
        <translation>Ajouter une variable</translation>
    </message>
    <message>
        <source>Remove Variable</source>
        <translation>Retirer la variable</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>History Retention</source>
        <translation>Conservation de l’historique</translation>
    </message>
    <message>
        <source>Keep runs for:</source>
        <translation>Conserver les exécutions pendant :</translation>
    </message>
    <message>
        <source>Days to keep runs</source>
        <translation>Jours de conservation des exécutions</translation>
    </message>
    <message>
        <source>But keep at least:</source>
        <translation>Mais conserver au moins :</translation>
    </message>
    <message>
        <source>Runs to keep of each job</source>
        <translation>Nombre d’exécutions à conserver par tâche</translation>
    </message>
    <message>
        <source>Jobs that keep their history their own way:</source>
        <translation>Tâches qui conservent leur historique à leur façon :</translation>
    </message>
</context>
</TS>
