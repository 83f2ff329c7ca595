<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
    <context>
        <name>App</name>
        <message>
            <location filename="../../canvass_app/ui/app.py" line="45" />
            <source>No system keychain is available. Choose a passphrase (8+ characters) to protect this device's data:</source>
            <translation>No hay un llavero del sistema disponible. Elija una frase de contraseña (8 o más caracteres) para proteger los datos de este dispositivo:</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/app.py" line="48" />
            <source>Enter the passphrase that protects this device's Canvass data:</source>
            <translation>Escriba la frase de contraseña que protege los datos de Canvass de este dispositivo:</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/app.py" line="50" />
            <source>Canvass passphrase</source>
            <translation>Frase de contraseña de Canvass</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/app.py" line="55" />
            <source>Repeat the passphrase:</source>
            <translation>Repita la frase de contraseña:</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/app.py" line="58" />
            <source>The two passphrases differ; nothing was created.</source>
            <translation>Las dos frases de contraseña no coinciden; no se creó nada.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="40" />
            <location filename="../../canvass_app/ui/main_window.py" line="41" />
            <location filename="../../canvass_app/self_test.py" line="139" />
            <source>Contacts</source>
            <translation>Contactos</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="41" />
            <source>Every voter of the county, searchable as you type, with filters, households and the contact history of each voter.</source>
            <translation>Todos los votantes del condado, con búsqueda mientras escribe, filtros, hogares y el historial de contactos de cada votante.</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="44" />
            <location filename="../../canvass_app/ui/main_window.py" line="45" />
            <source>Walk</source>
            <translation>Recorrido</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="45" />
            <source>Your assigned turf door by door in walk order: log a result in a keystroke or two, undo, and see your progress.</source>
            <translation>Su zona asignada puerta por puerta en orden de recorrido: registre un resultado con una o dos teclas, deshaga y vea su avance.</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="48" />
            <source>Turfs &amp;&amp; Walk Lists</source>
            <translation>Zonas y listas de recorrido</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="49" />
            <source>Turfs &amp; Walk Lists</source>
            <translation>Zonas y listas de recorrido</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="49" />
            <source>Import the voter file, cut turfs, assign them and print walk lists.</source>
            <translation>Importe el padrón electoral, divida zonas, asígnelas e imprima listas de recorrido.</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="51" />
            <location filename="../../canvass_app/ui/main_window.py" line="52" />
            <source>Policy Briefs</source>
            <translation>Propuestas</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="52" />
            <source>The alliance's policy briefs, talking points and Secured Rights, readable offline; vote on proposed policies.</source>
            <translation>Las propuestas de la alianza, los puntos clave y los Derechos Garantizados, para leer sin conexión; vote sobre las políticas propuestas.</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="55" />
            <location filename="../../canvass_app/ui/main_window.py" line="56" />
            <source>Sync</source>
            <translation>Sincronización</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="56" />
            <source>Connect this device to your organisation's server; see pending changes and the last sync.</source>
            <translation>Conecte este dispositivo al servidor de su organización; vea los cambios pendientes y la última sincronización.</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="68" />
            <source>Pages</source>
            <translation>Páginas</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="103" />
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="105" />
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="110" />
            <source>&amp;Go</source>
            <translation>&amp;Ir</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="117" />
            <source>&amp;Help</source>
            <translation>A&amp;yuda</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="118" />
            <source>&amp;About Canvass</source>
            <translation>&amp;Acerca de Canvass</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="123" />
            <source>none loaded</source>
            <translation>ninguno cargado</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="124" />
            <location filename="../../canvass_app/ui/main_window.py" line="141" />
            <source>County: {0}</source>
            <translation>Condado: {0}</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="125" />
            <source>Data: {0}</source>
            <translation>Datos: {0}</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="129" />
            <location filename="../../canvass_app/ui/main_window.py" line="137" />
            <source>Sync: {0}</source>
            <translation>Sincronización: {0}</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="129" />
            <source>not connected</source>
            <translation>sin conexión</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="145" />
            <source>the system keychain</source>
            <translation>el llavero del sistema</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="146" />
            <source>a passphrase</source>
            <translation>una frase de contraseña</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="149" />
            <source>Offline field canvassing for volunteer alliances.</source>
            <translation>Campañas puerta a puerta sin conexión para alianzas de voluntarios.</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="150" />
            <source>Data directory: {0}</source>
            <translation>Carpeta de datos: {0}</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="151" />
            <source>Everything on disk is encrypted (key in {0}).</source>
            <translation>Todo lo guardado en el disco está cifrado (clave en {0}).</translation>
        </message>
        <message>
            <location filename="../../canvass_app/ui/main_window.py" line="155" />
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
</TS>
