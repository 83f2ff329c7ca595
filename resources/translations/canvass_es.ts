<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name />
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="82" />
        <source>Proposed</source>
        <translation>Propuesta</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="82" />
        <source>Adopted</source>
        <translation>Adoptada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="82" />
        <source>Retired</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="83" />
        <source>Support</source>
        <translation>Apoyo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="83" />
        <source>Oppose</source>
        <translation>En contra</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="83" />
        <source>Abstain</source>
        <translation>Abstención</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="147" />
        <source>Policy Briefs</source>
        <translation>Propuestas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="163" />
        <source>Search titles, text and talking points (Ctrl+F)</source>
        <translation>Buscar en títulos, texto y puntos clave (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="165" />
        <source>Search briefs</source>
        <translation>Buscar propuestas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="170" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="176" />
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="177" />
        <source>All briefs</source>
        <translation>Todas las propuestas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="177" />
        <location filename="../../canvass_app/ui/pages/briefs.py" line="450" />
        <location filename="../../canvass_app/ui/pages/briefs.py" line="504" />
        <source>Bookmarked</source>
        <translation>Marcadas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="188" />
        <location filename="../../canvass_app/ui/pages/briefs.py" line="211" />
        <source>Briefs</source>
        <translation>Propuestas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="207" />
        <location filename="../../canvass_app/ui/pages/briefs.py" line="212" />
        <source>Secured Rights</source>
        <translation>Derechos Garantizados</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="223" />
        <source>Doorstep: talking points only</source>
        <translation>En la puerta: solo puntos clave</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="226" />
        <source>A compact view for the doorstep (Ctrl+D)</source>
        <translation>Una vista compacta para la puerta (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="229" />
        <source>Smaller text (Ctrl+-)</source>
        <translation>Texto más pequeño (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="230" />
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="233" />
        <source>Larger text (Ctrl++)</source>
        <translation>Texto más grande (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="234" />
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="236" />
        <location filename="../../canvass_app/ui/pages/briefs.py" line="450" />
        <source>Bookmark</source>
        <translation>Marcar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="237" />
        <source>Bookmark this brief (Ctrl+B)</source>
        <translation>Marcar esta propuesta (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="239" />
        <source>Print handout…</source>
        <translation>Imprimir folleto…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="249" />
        <source>Brief</source>
        <translation>Propuesta</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="252" />
        <source>Choose a brief on the left, or search.</source>
        <translation>Elija una propuesta a la izquierda, o busque.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="254" />
        <source>Your vote on this proposal</source>
        <translation>Su voto sobre esta propuesta</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="256" />
        <source>Optional comment for the policy council</source>
        <translation>Comentario opcional para el consejo de políticas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="257" />
        <source>Vote comment</source>
        <translation>Comentario del voto</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="329" />
        <source>Loaded {0} bundled briefs</source>
        <translation>Se cargaron {0} propuestas incluidas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="338" />
        <source>{0} briefs</source>
        <translation>{0} propuestas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="418" />
        <source>{0} matches</source>
        <translation>{0} resultados</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="418" />
        <source>No brief matches — try fewer words</source>
        <translation>Ninguna propuesta coincide: pruebe con menos palabras</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="487" />
        <source>Text size {0} pt</source>
        <translation>Tamaño del texto {0} pt</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="504" />
        <source>Bookmark removed</source>
        <translation>Marca quitada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="515" />
        <source>Your vote: {0}{1} — recorded {2:%Y-%m-%d %H:%M} UTC; a new vote replaces it.</source>
        <translation>Su voto: {0}{1} — registrado el {2:%Y-%m-%d %H:%M} UTC; un voto nuevo lo reemplaza.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="517" />
        <source>You have not voted on this proposal. Voting as {0}.</source>
        <translation>Aún no ha votado sobre esta propuesta. Vota como {0}.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="523" />
        <source>Tally received at the last sync: {0} support · {1} oppose · {2} abstain</source>
        <translation>Recuento recibido en la última sincronización: {0} a favor · {1} en contra · {2} abstenciones</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="525" />
        <source>No tally received yet: it arrives with the next sync.</source>
        <translation>Aún no hay recuento: llegará con la próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="541" />
        <source>Vote changed to {0}</source>
        <translation>Voto cambiado a {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="541" />
        <source>Vote recorded: {0}</source>
        <translation>Voto registrado: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="548" />
        <source>Vote not recorded: {0}</source>
        <translation>Voto no registrado: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="567" />
        <source>conflicts:</source>
        <translation>entra en conflicto con:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="570" />
        <source>This proposal declares a conflict with this right, so it can never be adopted as it stands: {0}</source>
        <translation>Esta propuesta declara un conflicto con este derecho, así que no puede adoptarse tal como está: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="605" />
        <source>Handout printing is not available in this build: the handout PDF module (canvass_app.handout_pdf with write_handout) is not installed.</source>
        <translation>La impresión de folletos no está disponible en esta versión: falta el módulo de folletos PDF (canvass_app.handout_pdf con write_handout).</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="609" />
        <source>A printable handout of the selected briefs (select several with Ctrl)</source>
        <translation>Un folleto imprimible de las propuestas elegidas (elija varias con Ctrl)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="616" />
        <source>Save handout</source>
        <translation>Guardar folleto</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="628" />
        <source>Handout saved to {0}</source>
        <translation>Folleto guardado en {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/briefs.py" line="640" />
        <source>Policy briefs: {0}</source>
        <translation>Propuestas: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="45" />
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="51" />
        <source>{0} ({1} ago)</source>
        <translation>{0} (hace {1})</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="63" />
        <source>Sync</source>
        <translation>Sincronizar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="68" />
        <source>This device</source>
        <translation>Este dispositivo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="70" />
        <source>checking…</source>
        <translation>comprobando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="79" />
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="79" />
        <source>Waiting to be sent</source>
        <translation>En espera de envío</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="80" />
        <source>Oldest waiting change</source>
        <translation>Cambio en espera más antiguo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="81" />
        <source>Last successful sync</source>
        <translation>Última sincronización correcta</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="81" />
        <source>Last problem</source>
        <translation>Último problema</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="82" />
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="85" />
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="86" />
        <source>Send waiting changes and fetch the latest lists now</source>
        <translation>Enviar ahora los cambios en espera y descargar las listas más recientes</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="100" />
        <location filename="../../canvass_app/ui/pages/sync.py" line="198" />
        <source>Connect this device to a server</source>
        <translation>Conectar este dispositivo a un servidor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="103" />
        <source>for example https://sync.example.org</source>
        <translation>por ejemplo https://sync.example.org</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="104" />
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="106" />
        <source>from your county lead, like ABCD-EFGH-JKLM</source>
        <translation>de su responsable de condado, como ABCD-EFGH-JKLM</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="107" />
        <source>Enrollment code</source>
        <translation>Código de inscripción</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="108" />
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="113" />
        <source>Server address:</source>
        <translation>Dirección del servidor:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="114" />
        <source>Enrollment code:</source>
        <translation>Código de inscripción:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="118" />
        <source>Changes the server did not accept</source>
        <translation>Cambios que el servidor no aceptó</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="121" />
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="121" />
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="121" />
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="125" />
        <source>Rejected changes</source>
        <translation>Cambios rechazados</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="126" />
        <source>These are kept for your records; they never hold up other changes.</source>
        <translation>Se guardan para su registro; nunca detienen los demás cambios.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="151" />
        <source>A sync is already running.</source>
        <translation>Ya hay una sincronización en curso.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="156" />
        <source>Give both the server address and the code.</source>
        <translation>Indique la dirección del servidor y el código.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="159" />
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="165" />
        <source>Connected as a {0} for {1} {2}.</source>
        <translation>Conectado como {0} para {1} {2}.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="174" />
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="177" />
        <location filename="../../canvass_app/ui/sync_controller.py" line="204" />
        <source>online</source>
        <translation>en línea</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="177" />
        <source>offline — changes wait safely on this device</source>
        <translation>sin conexión: los cambios esperan seguros en este dispositivo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="178" />
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="182" />
        <source>Done: {0} sent, {1} not accepted.</source>
        <translation>Listo: {0} enviados, {1} no aceptados.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="186" />
        <source>{0} change(s)</source>
        <translation>{0} cambio(s)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="186" />
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="189" />
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="191" />
        <source>{0} ({1}), device {2}</source>
        <translation>{0} ({1}), dispositivo {2}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="193" />
        <source>Connect this device to another server</source>
        <translation>Conectar este dispositivo a otro servidor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="195" />
        <source>not connected: enter the server address and your code below</source>
        <translation>sin conectar: escriba abajo la dirección del servidor y su código</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/sync.py" line="201" />
        <source>The server revoked this device on {0}: its voter data was wiped from this computer. Ask your county lead for a new code.</source>
        <translation>El servidor revocó este dispositivo el {0}: sus datos de votantes se borraron de esta computadora. Pida un código nuevo a su responsable de condado.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="167" />
        <source>This device was revoked: its voter data was wiped.</source>
        <translation>Este dispositivo fue revocado: sus datos de votantes se borraron.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="201" />
        <source>revoked, data wiped</source>
        <translation>revocado, datos borrados</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="201" />
        <source>not connected</source>
        <translation>sin conectar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="203" />
        <source>syncing…</source>
        <translation>sincronizando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="204" />
        <source>offline</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="204" />
        <source>checking</source>
        <translation>comprobando</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="208" />
        <source>{0} · {1} waiting</source>
        <translation>{0} · {1} en espera</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="209" />
        <source>{0} · all sent</source>
        <translation>{0} · todo enviado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/sync_controller.py" line="215" />
        <source>Oldest waiting change: {0} old</source>
        <translation>Cambio en espera más antiguo: {0}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../canvass_app/ui/app.py" line="65" />
        <source>No system keychain is available. Choose a passphrase (8+ characters) to protect this device's data:</source>
        <translation>No hay un llavero del sistema disponible. Elija una frase de contraseña (8 o más caracteres) para proteger los datos de este dispositivo:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/app.py" line="68" />
        <source>Enter the passphrase that protects this device's Canvass data:</source>
        <translation>Escriba la frase de contraseña que protege los datos de Canvass de este dispositivo:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/app.py" line="70" />
        <source>Canvass passphrase</source>
        <translation>Frase de contraseña de Canvass</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/app.py" line="75" />
        <source>Repeat the passphrase:</source>
        <translation>Repita la frase de contraseña:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/app.py" line="78" />
        <source>The two passphrases differ; nothing was created.</source>
        <translation>Las dos frases de contraseña no coinciden; no se creó nada.</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="39" />
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="42" />
        <source>Search voters</source>
        <translation>Buscar votantes</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="43" />
        <source>Search name, address, phone or voter id…</source>
        <translation>Buscar nombre, dirección, teléfono o número de votante…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="44" />
        <source>Search as you type (Ctrl+F)</source>
        <translation>Busca mientras escribe (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="47" />
        <source>Sort by name</source>
        <translation>Ordenar por nombre</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="48" />
        <source>Sort by address (walk order)</source>
        <translation>Ordenar por dirección (orden de recorrido)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="50" />
        <source>Sort by name, or by address in walk order (within a turf: the walk-list lines)</source>
        <translation>Ordenar por nombre, o por dirección en orden de recorrido (en una zona: las líneas de la lista)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="52" />
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="55" />
        <source>Precinct</source>
        <translation>Precinto</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="56" />
        <source>Party</source>
        <translation>Partido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="57" />
        <source>Turf</source>
        <translation>Zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="58" />
        <source>Support</source>
        <translation>Apoyo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="59" />
        <location filename="../../canvass_app/ui/pages/contacts.py" line="73" />
        <source>Contacted</source>
        <translation>Contactado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="60" />
        <source>Last result</source>
        <translation>Último resultado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="61" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="65" />
        <source>Filter by {0}</source>
        <translation>Filtrar por {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="66" />
        <source>{0}: any</source>
        <translation>{0}: cualquiera</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="72" />
        <source>Support {0}</source>
        <translation>Apoyo {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="74" />
        <source>Not contacted</source>
        <translation>Sin contactar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="75" />
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="76" />
        <source>Show everyone again (Ctrl+Shift+X)</source>
        <translation>Mostrar a todos de nuevo (Ctrl+Mayús+X)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="80" />
        <source>Voters</source>
        <translation>Votantes</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="92" />
        <source>Household and contact history</source>
        <translation>Hogar e historial de contactos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="94" />
        <source>&lt;p style='color:#666'&gt;Choose a voter to see the household and its contacts.&lt;/p&gt;</source>
        <translation>&lt;p style='color:#666'&gt;Elija un votante para ver su hogar y sus contactos.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="124" />
        <source>Could not load voters: {0}</source>
        <translation>No se pudieron cargar los votantes: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="143" />
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="185" />
        <source>voter</source>
        <translation>votante</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="185" />
        <source>voters</source>
        <translation>votantes</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="188" />
        <source>{0:,}+ voters match: type more to narrow</source>
        <translation>{0:,}+ votantes coinciden: escriba más para acotar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="192" />
        <source>{0:,}+ voters, counting…</source>
        <translation>{0:,}+ votantes, contando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="197" />
        <source> matches</source>
        <translation> coincidencias</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="197" />
        <source> match</source>
        <translation> coincidencia</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="238" />
        <source>&lt;p&gt;This voter is no longer in the store.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Este votante ya no está en los datos.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="247" />
        <source>Precinct {0}</source>
        <translation>Precinto {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="252" />
        <source>&lt;p style='color:#555;margin-top:0'&gt;{0} · {1} in household&lt;/p&gt;</source>
        <translation>&lt;p style='color:#555;margin-top:0'&gt;{0} · {1} en el hogar&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="262" />
        <source>&lt;p style='color:#777;margin-top:2px'&gt;No contacts yet.&lt;/p&gt;</source>
        <translation>&lt;p style='color:#777;margin-top:2px'&gt;Aún sin contactos.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/contacts.py" line="273" />
        <source>undo of {0}</source>
        <translation>deshacer {0}</translation>
    </message>
</context>
<context>
    <name>CutDialog</name>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="112" />
        <source>Cut turfs</source>
        <translation>Dividir zonas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="114" />
        <source>Cut the households of {county} that are not in a turf yet.</source>
        <translation>Dividir los hogares de {county} que aún no están en una zona.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="115" />
        <source>the county</source>
        <translation>el condado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="116" />
        <source>One turf per &amp;precinct</source>
        <translation>Una zona por &amp;precinto</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="117" />
        <source>Turfs of about this many &amp;doors:</source>
        <translation>Zonas de unas tantas &amp;puertas:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="119" />
        <source>One turf from the &amp;streets chosen below</source>
        <translation>Un turf con las &amp;calles elegidas abajo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="127" />
        <source>Doors per turf</source>
        <translation>Puertas por zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="129" />
        <source>Streets for a turf cut by hand</source>
        <translation>Calles para un turf cortado a mano</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="132" />
        <source>{street} ({n} doors)</source>
        <translation>{street} ({n} puertas)</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="71" />
        <source>Welcome to Canvass</source>
        <translation>Bienvenido a Canvass</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="72" />
        <source>How do you want to start? You can change this later.</source>
        <translation>¿Cómo quiere empezar? Puede cambiarlo después.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="77" />
        <source>Try the &amp;demo county</source>
        <translation>Probar el condado de &amp;demostración</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="78" />
        <source>A made-up county with voters, turfs and briefs, to learn the app safely.</source>
        <translation>Un condado inventado con votantes, zonas y propuestas, para aprender sin riesgo.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="79" />
        <source>&amp;Connect to my organisation</source>
        <translation>&amp;Conectar con mi organización</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="80" />
        <source>Use the server address and the enrollment code your county lead gave you.</source>
        <translation>Use la dirección del servidor y el código de inscripción que le dio su coordinador de condado.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="81" />
        <source>Work &amp;offline</source>
        <translation>Trabajar sin c&amp;onexión</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="82" />
        <source>Import a voter file from this computer; connect to a server later if you want.</source>
        <translation>Importe un padrón desde este equipo; conéctese a un servidor más tarde si quiere.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="111" />
        <source>Protect this device's data</source>
        <translation>Proteja los datos de este dispositivo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="112" />
        <source>This computer has no system keychain, so a passphrase protects the encrypted data. You will type it each time Canvass starts. It cannot be recovered if forgotten.</source>
        <translation>Este equipo no tiene llavero del sistema, así que una frase de contraseña protege los datos cifrados. La escribirá cada vez que inicie Canvass. Si la olvida, no se puede recuperar.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="117" />
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="118" />
        <source>Repeat the passphrase</source>
        <translation>Repita la frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="122" />
        <source>&amp;Passphrase (8+ characters):</source>
        <translation>&amp;Frase de contraseña (8+ caracteres):</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="123" />
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repítala:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="130" />
        <source>The passphrase needs at least 8 characters.</source>
        <translation>La frase de contraseña necesita al menos 8 caracteres.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="132" />
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="151" />
        <source>Connect to your organisation</source>
        <translation>Conéctese con su organización</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="152" />
        <source>Your county lead gives you the server address and a one-time enrollment code.</source>
        <translation>Su coordinador de condado le da la dirección del servidor y un código de inscripción de un solo uso.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="157" />
        <source>enrollment code</source>
        <translation>código de inscripción</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="158" />
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="159" />
        <source>Enrollment code</source>
        <translation>Código de inscripción</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="165" />
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="168" />
        <source>&amp;Server address:</source>
        <translation>&amp;Dirección del servidor:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="169" />
        <source>&amp;Enrollment code:</source>
        <translation>Código de &amp;inscripción:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="175" />
        <source>This build has no sync client; choose another start.</source>
        <translation>Esta versión no tiene cliente de sincronización; elija otra forma de empezar.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="193" />
        <source>Canvass — first start</source>
        <translation>Canvass — primer inicio</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/first_run.py" line="245" />
        <source>Connecting to {0}…</source>
        <translation>Conectando con {0}…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="120" />
        <source>Import voter file</source>
        <translation>Importar padrón</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="127" />
        <source>No file chosen</source>
        <translation>Ningún archivo elegido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="128" />
        <source>Choose file…</source>
        <translation>Elegir archivo…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="134" />
        <source>e.g. Wake</source>
        <translation>p. ej., Wake</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="142" />
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="143" />
        <source>County</source>
        <translation>Condado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="144" />
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="145" />
        <source>Layout</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="149" />
        <source>Column in file</source>
        <translation>Columna del archivo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="149" />
        <source>Imports as</source>
        <translation>Se importa como</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="149" />
        <source>Row %1</source>
        <translation>Fila %1</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="162" />
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="163" />
        <source>Cancel import</source>
        <translation>Cancelar importación</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="170" />
        <source>Columns and the first rows of the file:</source>
        <translation>Columnas y primeras filas del archivo:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="182" />
        <source>Choose a voter file</source>
        <translation>Elija un padrón</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="183" />
        <source>Voter files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Padrones (*.csv *.tsv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="198" />
        <source>Reading the file…</source>
        <translation>Leyendo el archivo…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="207" />
        <source>Detected: %1 — %2, %3-separated</source>
        <translation>Detectado: %1 — %2, separado por %3</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="260" />
        <source>Choose which column holds the voter id (“Imports as”).</source>
        <translation>Elija qué columna tiene el número de votante («Se importa como»).</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="299" />
        <source>Starting…</source>
        <translation>Comenzando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="309" />
        <source>%1 rows · %2 rows/s</source>
        <translation>%1 filas · %2 filas/s</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="315" />
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="322" />
        <source>%1 rows in %2 s</source>
        <translation>%1 filas en %2 s</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="324" />
        <source>Imported: %1 added, %2 updated, %3 marked inactive, %4 rejected; %5 households (layout %6).</source>
        <translation>Importado: %1 nuevos, %2 actualizados, %3 marcados inactivos, %4 rechazados; %5 hogares (formato %6).</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="334" />
        <source>Voter file imported</source>
        <translation>Padrón importado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="345" />
        <source>Import cancelled; nothing was changed.</source>
        <translation>Importación cancelada; no se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/import_dialog.py" line="347" />
        <source>Import failed; nothing was changed: %1</source>
        <translation>La importación falló; no se cambió nada: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../canvass_app/self_test.py" line="139" />
        <location filename="../../canvass_app/ui/main_window.py" line="46" />
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="47" />
        <source>Walk</source>
        <translation>Recorrido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="48" />
        <source>Turfs &amp;&amp; Walk Lists</source>
        <translation>Zonas y listas de recorrido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="49" />
        <source>Policy Briefs</source>
        <translation>Propuestas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="50" />
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="60" />
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="96" />
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="98" />
        <source>&amp;Import voter file…</source>
        <translation>&amp;Importar padrón electoral…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="102" />
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="106" />
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="111" />
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="118" />
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="119" />
        <source>&amp;About Canvass</source>
        <translation>&amp;Acerca de Canvass</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="124" />
        <source>none loaded</source>
        <translation>ninguno cargado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="125" />
        <location filename="../../canvass_app/ui/main_window.py" line="149" />
        <source>County: {0}</source>
        <translation>Condado: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="128" />
        <source>Data: {0}</source>
        <translation>Datos: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="130" />
        <location filename="../../canvass_app/ui/main_window.py" line="145" />
        <source>Sync: {0}</source>
        <translation>Sincronización: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="130" />
        <source>not connected</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="137" />
        <source>Working</source>
        <translation>Trabajando</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="159" />
        <source>the system keychain</source>
        <translation>el llavero del sistema</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="160" />
        <source>a passphrase</source>
        <translation>una frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="163" />
        <source>Offline field canvassing for volunteer alliances.</source>
        <translation>Campañas puerta a puerta sin conexión para alianzas de voluntarios.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="164" />
        <source>Data directory: {0}</source>
        <translation>Carpeta de datos: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="165" />
        <source>Everything on disk is encrypted (key in {0}).</source>
        <translation>Todo lo guardado en el disco está cifrado (clave en {0}).</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/main_window.py" line="176" />
        <source>About Canvass</source>
        <translation>Acerca de Canvass</translation>
    </message>
</context>
<context>
    <name>ResultCode</name>
    <message>
        <location filename="../../canvass_app/i18n.py" line="35" />
        <source>Canvassed</source>
        <translation>Contactado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="36" />
        <source>Not Home</source>
        <translation>No está en casa</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="37" />
        <source>Refused</source>
        <translation>Se negó</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="38" />
        <source>Moved</source>
        <translation>Se mudó</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="39" />
        <source>Deceased</source>
        <translation>Fallecido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="40" />
        <source>Inaccessible</source>
        <translation>Inaccesible</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="41" />
        <source>Language Barrier</source>
        <translation>Barrera del idioma</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="42" />
        <source>Wrong Address</source>
        <translation>Dirección equivocada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="43" />
        <source>Come Back Later</source>
        <translation>Volver más tarde</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="44" />
        <source>Do Not Contact</source>
        <translation>No contactar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="45" />
        <source>Hostile</source>
        <translation>Hostil</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="43" />
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="46" />
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="50" />
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="54" />
        <source>Only when I press Sync now</source>
        <translation>Solo cuando pulse Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="55" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="57" />
        <source>Automatic sync interval in minutes</source>
        <translation>Intervalo de sincronización automática en minutos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="58" />
        <source>Ser&amp;ver address:</source>
        <translation>Dirección del ser&amp;vidor:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="59" />
        <source>Sync &amp;automatically every:</source>
        <translation>Sincronizar &amp;automáticamente cada:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="62" />
        <source>Appearance and printing</source>
        <translation>Apariencia e impresión</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="64" />
        <source>Walk-list paper size</source>
        <translation>Tamaño de papel de las listas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="65" />
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="65" />
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="67" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="68" />
        <location filename="../../canvass_app/ui/settings_dialog.py" line="71" />
        <source>Follow the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="70" />
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="71" />
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="72" />
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="73" />
        <source>A new language shows the next time Canvass starts.</source>
        <translation>El nuevo idioma se verá la próxima vez que inicie Canvass.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="75" />
        <source>Walk-list &amp;paper:</source>
        <translation>&amp;Papel de las listas:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="76" />
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="78" />
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="88" />
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="92" />
        <source>Current passphrase</source>
        <translation>Frase de contraseña actual</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="93" />
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="94" />
        <source>Repeat the new passphrase</source>
        <translation>Repita la nueva frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="96" />
        <source>&amp;Change passphrase</source>
        <translation>&amp;Cambiar frase de contraseña</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="101" />
        <source>This device's key is kept in the system keychain: there is no passphrase to change.</source>
        <translation>La clave de este dispositivo está en el llavero del sistema: no hay frase de contraseña que cambiar.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="106" />
        <source>C&amp;urrent:</source>
        <translation>Act&amp;ual:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="107" />
        <source>&amp;New (8+ characters):</source>
        <translation>&amp;Nueva (8+ caracteres):</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="108" />
        <source>&amp;Repeat new:</source>
        <translation>&amp;Repita la nueva:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="116" />
        <source>The new passphrase needs at least 8 characters.</source>
        <translation>La nueva frase de contraseña necesita al menos 8 caracteres.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="119" />
        <source>The two new passphrases differ.</source>
        <translation>Las dos nuevas frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="122" />
        <source>Changing…</source>
        <translation>Cambiando…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="129" />
        <source>Passphrase changed. Use the new one from now on.</source>
        <translation>Frase de contraseña cambiada. Use la nueva a partir de ahora.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/settings_dialog.py" line="134" />
        <source>The current passphrase is wrong; nothing was changed.</source>
        <translation>La frase de contraseña actual es incorrecta; no se cambió nada.</translation>
    </message>
</context>
<context>
    <name>Survey</name>
    <message>
        <location filename="../../canvass_app/i18n.py" line="46" />
        <source>Support for the alliance's candidates and policies (1 strong oppose - 5 strong support)</source>
        <translation>Apoyo a los candidatos y políticas de la alianza (1 muy en contra - 5 muy a favor)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="48" />
        <source>Top issue</source>
        <translation>Tema principal</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="49" />
        <source>Education</source>
        <translation>Educación</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="50" />
        <source>Healthcare</source>
        <translation>Salud</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="51" />
        <source>Careers</source>
        <translation>Empleo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="52" />
        <source>Peace</source>
        <translation>Paz</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="53" />
        <source>Prison reform</source>
        <translation>Reforma penitenciaria</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="54" />
        <source>Climate</source>
        <translation>Clima</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="55" />
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="56" />
        <source>Interested in volunteering</source>
        <translation>Interesado en ser voluntario</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="57" />
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="58" />
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="59" />
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="60" />
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="61" />
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../../canvass_app/i18n.py" line="62" />
        <source>Needs a ride to vote</source>
        <translation>Necesita transporte para votar</translation>
    </message>
</context>
<context>
    <name>TurfTableModel</name>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="49" />
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="50" />
        <source>Turf</source>
        <translation>Zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="51" />
        <source>Precinct</source>
        <translation>Precinto</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="52" />
        <source>Doors</source>
        <translation>Puertas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="53" />
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="54" />
        <source>Assignee</source>
        <translation>Asignada a</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="55" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="57" />
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="57" />
        <source>assigned</source>
        <translation>asignada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="58" />
        <source>checked out</source>
        <translation>entregada</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="58" />
        <source>returned</source>
        <translation>devuelta</translation>
    </message>
</context>
<context>
    <name>TurfsPage</name>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="175" />
        <source>The printer could not be started.</source>
        <translation>No se pudo iniciar la impresora.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="201" />
        <source>Turfs &amp; Walk Lists</source>
        <translation>Zonas y listas de recorrido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="213" />
        <source>Import voter file…</source>
        <translation>Importar padrón…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="215" />
        <source>&amp;Cut turfs…</source>
        <translation>&amp;Dividir zonas…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="217" />
        <source>&amp;Assign…</source>
        <translation>&amp;Asignar…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="219" />
        <source>Check &amp;out</source>
        <translation>&amp;Entregar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="221" />
        <source>&amp;Return</source>
        <translation>De&amp;volver</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="232" />
        <location filename="../../canvass_app/ui/pages/turfs.py" line="302" />
        <source>Turfs</source>
        <translation>Zonas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="237" />
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="238" />
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="239" />
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="241" />
        <source>&amp;Preview</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="243" />
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="245" />
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="249" />
        <source>Walk list progress</source>
        <translation>Avance de las listas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="254" />
        <source>Select turfs and press Preview to see their walk lists.</source>
        <translation>Elija zonas y pulse Vista previa para ver sus listas de recorrido.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="256" />
        <source>Walk list preview</source>
        <translation>Vista previa de la lista de recorrido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="260" />
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="261" />
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="263" />
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="264" />
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="352" />
        <source>Cut {n} turfs.</source>
        <translation>Se dividieron {n} zonas.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="361" />
        <source>Assign</source>
        <translation>Asignar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="361" />
        <source>Canvasser for {lists}:</source>
        <translation>Voluntario para {lists}:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="440" />
        <source>Page {x} of {y}</source>
        <translation>Página {x} de {y}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="448" />
        <source>Save walk lists</source>
        <translation>Guardar listas de recorrido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="449" />
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/turfs.py" line="452" />
        <source>Saved {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
</context>
<context>
    <name>VoterTableModel</name>
    <message>
        <location filename="../../canvass_app/ui/voter_table_model.py" line="20" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/voter_table_model.py" line="21" />
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/voter_table_model.py" line="22" />
        <source>Precinct</source>
        <translation>Precinto</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/voter_table_model.py" line="23" />
        <source>Party</source>
        <translation>Partido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/voter_table_model.py" line="24" />
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/voter_table_model.py" line="25" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/voter_table_model.py" line="26" />
        <source>Turf</source>
        <translation>Zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/voter_table_model.py" line="27" />
        <source>Last result</source>
        <translation>Último resultado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/voter_table_model.py" line="28" />
        <source>Support</source>
        <translation>Apoyo</translation>
    </message>
</context>
<context>
    <name>WalkList</name>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="226" />
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="233" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="235" />
        <source>Age</source>
        <translation>Ed.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="235" />
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="236" />
        <source>Party</source>
        <translation>Part.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="236" />
        <source>Lang</source>
        <translation>Idi.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="242" />
        <source>Support</source>
        <translation>Apoyo</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="257" />
        <source>Tick one result per voter. Support: 1 strong oppose … 5 strong support. Survey answers and corrections go on the notes line.</source>
        <translation>Marque un resultado por votante. Apoyo: 1 muy en contra … 5 muy a favor. Respuestas de la encuesta y correcciones en la línea de notas.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="270" />
        <source>{0} County</source>
        <translation>Condado de {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="274" />
        <source>Canvasser: {0}    Printed: {1}</source>
        <translation>Voluntario: {0}    Impreso: {1}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="278" />
        <source>Page {0} of {1}</source>
        <translation>Página {0} de {1}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="306" />
        <source>Walk list {0}</source>
        <translation>Lista de recorrido {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="309" />
        <source>Doors: {0}    People: {1}    Pages: {2} after this one</source>
        <translation>Puertas: {0}    Personas: {1}    Páginas: {2} después de esta</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="315" />
        <source>Start time</source>
        <translation>Hora de inicio</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="315" />
        <source>End time</source>
        <translation>Hora de fin</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="316" />
        <source>Doors knocked</source>
        <translation>Puertas tocadas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="316" />
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="317" />
        <source>Supporters (4–5)</source>
        <translation>A favor (4–5)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="317" />
        <source>Not home</source>
        <translation>No está</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="324" />
        <source>Talking points</source>
        <translation>Puntos clave</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="325" />
        <source>(No talking points were set for this turf.)</source>
        <translation>(No se fijaron puntos clave para esta zona.)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="327" />
        <source>Result codes — tick one per voter</source>
        <translation>Códigos de resultado — marque uno por votante</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="341" />
        <source>Survey questions — ask, and write answers in the notes line</source>
        <translation>Preguntas de la encuesta — pregunte y anote las respuestas en la línea de notas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/walklist_pdf.py" line="420" />
        <source>Walk lists</source>
        <translation>Listas de recorrido</translation>
    </message>
</context>
<context>
    <name>WalkPage</name>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="52" />
        <source>Canvassed</source>
        <translation>Contactado</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="53" />
        <source>Not home</source>
        <translation>No está</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="54" />
        <source>Refused</source>
        <translation>Se negó</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="55" />
        <source>Come back</source>
        <translation>Volver luego</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="56" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="57" />
        <source>Inaccessible</source>
        <translation>Inaccesible</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="58" />
        <source>Moved</source>
        <translation>Se mudó</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="59" />
        <source>Wrong address</source>
        <translation>Dirección errónea</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="60" />
        <source>Hostile</source>
        <translation>Hostil</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="61" />
        <source>Do Not Contact</source>
        <translation>No contactar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="62" />
        <source>Deceased</source>
        <translation>Fallecido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="83" />
        <source>Walk</source>
        <translation>Recorrido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="107" />
        <source>Turf</source>
        <translation>Zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="109" />
        <source>The turf to walk</source>
        <translation>La zona que va a recorrer</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="110" />
        <source>All turfs (county lead)</source>
        <translation>Todas las zonas (coordinador)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="111" />
        <source>List every turf, not only those assigned to you</source>
        <translation>Mostrar todas las zonas, no solo las asignadas a usted</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="112" />
        <source>Choose a turf</source>
        <translation>Elija una zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="113" />
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="116" />
        <source>Turf:</source>
        <translation>Zona:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="125" />
        <source>Doors in walk order</source>
        <translation>Puertas en orden de recorrido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="126" />
        <source>Doors in walk order (Right / Left, PgDown / PgUp)</source>
        <translation>Puertas en orden de recorrido (Derecha / Izquierda, AvPág / RePág)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="138" />
        <source>People at this door</source>
        <translation>Personas en esta puerta</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="139" />
        <source>People at this door (Down / Up)</source>
        <translation>Personas en esta puerta (Abajo / Arriba)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="167" />
        <source>Support:</source>
        <translation>Apoyo:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="177" />
        <source>Strong oppose</source>
        <translation>Muy en contra</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="178" />
        <source>Lean oppose</source>
        <translation>Más bien en contra</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="179" />
        <source>Undecided</source>
        <translation>Indeciso</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="180" />
        <source>Lean support</source>
        <translation>Más bien a favor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="181" />
        <source>Strong support</source>
        <translation>Muy a favor</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="190" />
        <source>Support {0}</source>
        <translation>Apoyo {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="196" />
        <location filename="../../canvass_app/ui/pages/walk.py" line="197" />
        <location filename="../../canvass_app/ui/pages/walk.py" line="216" />
        <source>Top issue</source>
        <translation>Tema principal</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="199" />
        <location filename="../../canvass_app/ui/pages/walk.py" line="200" />
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="201" />
        <location filename="../../canvass_app/ui/pages/walk.py" line="214" />
        <source>Volunteer</source>
        <translation>Voluntario</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="202" />
        <source>Interested in volunteering</source>
        <translation>Interesado en ser voluntario</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="203" />
        <location filename="../../canvass_app/ui/pages/walk.py" line="215" />
        <source>Needs a ride</source>
        <translation>Necesita transporte</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="204" />
        <source>Needs a ride to vote</source>
        <translation>Necesita transporte para votar</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="207" />
        <source>Top issue:</source>
        <translation>Tema principal:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="209" />
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="219" />
        <source>Note for this person (E to type, Enter to finish)</source>
        <translation>Nota para esta persona (E para escribir, Intro para terminar)</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="218" />
        <location filename="../../canvass_app/ui/pages/walk.py" line="220" />
        <location filename="../../canvass_app/ui/pages/walk.py" line="222" />
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="226" />
        <source>Nobody home</source>
        <translation>Nadie en casa</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="229" />
        <source>◀ Previous door</source>
        <translation>◀ Puerta anterior</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="235" />
        <source>Next door ▶</source>
        <translation>Puerta siguiente ▶</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="239" />
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="251" />
        <source>Next door</source>
        <translation>Puerta siguiente</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="255" />
        <source>Previous door</source>
        <translation>Puerta anterior</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="259" />
        <source>Next person</source>
        <translation>Persona siguiente</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="265" />
        <source>Previous person</source>
        <translation>Persona anterior</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="330" />
        <source>Choose a turf…</source>
        <translation>Elija una zona…</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="340" />
        <source>Turf #{0}</source>
        <translation>Zona n.º {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="388" />
        <source>Not saved: {0}</source>
        <translation>No se guardó: {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="464" />
        <source>No doors to knock on this turf</source>
        <translation>No hay puertas por tocar en esta zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="466" />
        <source>Choose a turf to walk</source>
        <translation>Elija una zona para recorrer</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="475" />
        <source>Door {0} of {1} · {2} to knock</source>
        <translation>Puerta {0} de {1} · faltan {2}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="479" />
        <source> · {0} skipped</source>
        <translation> · {0} omitidas</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="489" />
        <source>{0}{1} — {2}, skip</source>
        <translation>{0}{1} — {2}, omitir</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="493" />
        <source> · support {0}</source>
        <translation> · apoyo {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="513" />
        <source>&lt;b&gt;{0} of {1} doors&lt;/b&gt; · {2:g} contacts/h · {3} results · {4}:{5:02d} on turf</source>
        <translation>&lt;b&gt;{0} de {1} puertas&lt;/b&gt; · {2:g} contactos/h · {3} resultados · {4}:{5:02d} en la zona</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="562" />
        <source>Nobody to log here.</source>
        <translation>No hay a quién registrar aquí.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="568" />
        <source>Canvass</source>
        <translation>Canvass</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="569" />
        <source>Mark {0} as {1}? They will not be knocked again.</source>
        <translation>¿Marcar a {0} como {1}? No se volverá a tocar su puerta.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="596" />
        <source>{0}: nobody home</source>
        <translation>{0}: nadie en casa</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="602" />
        <source>Saved — {0}</source>
        <translation>Guardado — {0}</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="626" />
        <source>Nothing to undo.</source>
        <translation>Nada que deshacer.</translation>
    </message>
    <message>
        <location filename="../../canvass_app/ui/pages/walk.py" line="628" />
        <source>Undone: {0}</source>
        <translation>Deshecho: {0}</translation>
    </message>
</context>
</TS>
