/** The German kit: customer greetings and sign-offs, agents, reply templates, names, phone numbers. */
import { pad } from '../util';
import type { LangKit } from '../types';

export const DE: LangKit = {
  greet: ['Hallo,', 'Guten Tag,', 'Hallo Lumo-Team,', 'Sehr geehrte Damen und Herren,', 'Hallo zusammen,', ''],
  signNegative: ['Viele Grüße', 'Mit freundlichen Grüßen', 'Danke und Gruß', 'Beste Grüße'],
  signPositive: ['Viele Grüße', 'Liebe Grüße', 'Beste Grüße'],
  chatHello: ['Hallo! ', 'Hi! ', 'Guten Tag! '],
  agents: ['Jonas Keller', 'Lena Hofmann'],
  agentGreet: ['Hallo {full},', 'Guten Tag {full},'],
  agentSign: ['Viele Grüße\n{agent}\nLumo Support', 'Beste Grüße\n{agent}\nLumo Support'],
  replies: {
    billing: {
      ask: ['Das tut mir leid. Können Sie mir das Datum der Abbuchung und die letzten vier Ziffern der Karte schicken? Dann finde ich die Zahlung schneller.'],
      answer: ['Danke für Ihre Geduld. Ich habe Ihr Konto geprüft und den Fall mit Priorität an unsere Buchhaltung weitergegeben. Sie erhalten innerhalb von zwei Werktagen eine Bestätigung per E-Mail.'],
      resolve: ['Ich habe die Erstattung heute veranlasst. Je nach Bank dauert es 3–5 Werktage, bis sie auf Ihrem Konto erscheint. Entschuldigen Sie die Umstände.'],
    },
    cancel: {
      ask: ['Gern. Können Sie mir bitte die E-Mail-Adresse Ihres Kontos bestätigen, damit ich das richtige Abo kündige?'],
      answer: ['Die Kündigung ist jederzeit in der App unter Konto → Tarif möglich. Ihr Zugang bleibt bis zum Ende des Abrechnungszeitraums bestehen.'],
      resolve: ['Erledigt – Ihr Lumo Cloud Abo ist gekündigt und verlängert sich nicht. Bis zum Ende des aktuellen Zeitraums haben Sie weiterhin Zugriff auf Ihre Aufnahmen.'],
    },
    device: {
      ask: ['Das tut mir leid. Können Sie mir die Seriennummer des Geräts (App → Gerät → Geräteinfo) schicken und ungefähr sagen, seit wann das Problem besteht?'],
      answer: ['Danke für die Meldung. Das ist ein bekanntes Problem mit Firmware {fw}, an einer Lösung wird bereits gearbeitet. Bis dahin hilft es meist, unter Geräteeinstellungen → Netzwerk den WLAN-Energiesparmodus zu deaktivieren.'],
      resolve: [
        'Heute Morgen wurde Firmware {fwnext} mit der Fehlerbehebung verteilt. Ihr Gerät ist bereits aktualisiert – melden Sie sich gern, falls es noch einmal auftritt.',
        'Ich habe ein Ersatzgerät für Sie veranlasst. Die Versandbestätigung kommt innerhalb eines Tages.',
      ],
    },
    app: {
      ask: ['Das tut mir leid. Welche App-Version und welches Handy nutzen Sie? Ein Screenshot wäre für unsere Entwickler sehr hilfreich.'],
      answer: ['Danke für den Hinweis. Unser App-Team konnte den Fehler nachstellen, die Korrektur kommt mit dem nächsten Update. Bis dahin hilft meist, den App-Cache zu leeren (Einstellungen → Speicher → Cache leeren).'],
      resolve: ['Version {appvnext} ist jetzt in den Stores verfügbar und behebt das Problem. Nach dem Update sollte alles wieder normal laufen.'],
    },
    login: {
      ask: ['Um sicherzugehen, dass Sie es sind: Können Sie mir die E-Mail-Adresse des Kontos und das Modell eines Ihrer Geräte nennen?'],
      answer: ['SMS-Codes kommen manchmal verzögert an. Sie können alternativ eine Authenticator-App oder einen Ihrer Backup-Codes verwenden.'],
      resolve: ['Ich habe die Zwei-Faktor-Authentifizierung für Ihr Konto zurückgesetzt. Melden Sie sich mit Ihrem Passwort an und richten Sie sie anschließend neu ein.'],
    },
    delivery: {
      ask: ['Entschuldigen Sie die Wartezeit. Können Sie mir die Lieferadresse und eine Telefonnummer für den Zusteller bestätigen?'],
      answer: ['Ich habe beim Versanddienstleister nachgefragt: Das Paket lag im Depot und ist jetzt wieder unterwegs. Es sollte innerhalb von zwei Werktagen bei Ihnen sein.'],
      resolve: ['Der Versanddienstleister konnte das Paket nicht finden. Ich habe Ihnen deshalb per Express Ersatz geschickt und die Versandkosten erstattet.'],
    },
    order: {
      ask: ['Gern sehe ich nach. Mit welcher E-Mail-Adresse haben Sie bestellt?'],
      answer: ['Ihre Bestellung {order} ist gepackt und wird morgen verschickt. Die Sendungsnummer bekommen Sie per E-Mail, sobald das Paket unser Lager verlässt.'],
      resolve: [],
    },
    info: {
      ask: [],
      answer: ['Gute Frage! In diesem Hilfeartikel ist alles Schritt für Schritt erklärt: https://help.lumo.example.com/de/articles/{article}. Bei Fragen antworten Sie einfach auf diese Nachricht.'],
      resolve: [],
    },
    feedback: {
      ask: [],
      answer: ['Danke, dass Sie sich die Zeit genommen haben. Ich habe Ihr Feedback an unser Produktteam weitergegeben.'],
      resolve: [],
    },
    support: {
      ask: ['Entschuldigen Sie die lange Wartezeit. Können Sie mir Ihre Ticketnummer oder die E-Mail-Adresse nennen, von der Sie geschrieben haben?'],
      answer: ['Es tut mir wirklich leid, dass Sie so lange warten mussten. Ich habe Ihr Ticket persönlich übernommen und melde mich heute noch bei Ihnen.'],
      resolve: ['Nochmals Entschuldigung für die Verzögerung. Ich habe Ihr ursprüngliches Anliegen bearbeitet, es ist jetzt erledigt.'],
    },
  },
  thanks: ['Vielen Dank für die netten Worte! Ich habe das ans Team weitergegeben – darüber freuen wir uns sehr.'],
  custInfo: {
    billing: ['Es war die Karte mit der Endung 4417, abgebucht am 3.'],
    device: ['Die Seriennummer ist {serial}. Angefangen hat es direkt nach dem Update.'],
    app: ['Samsung Galaxy S22, App-Version {appv}.'],
    delivery: ['Die Adresse stimmt. Telefonisch bin ich unter {phone} erreichbar.'],
    other: ['Es ist die Adresse, von der ich schreibe.'],
  },
  custThanks: ['Super, danke!', 'Hat funktioniert, vielen Dank.', 'Perfekt, danke für die schnelle Hilfe.'],
  custStill: ['Leider immer noch nicht gelöst.', 'Habe ich probiert – gleiches Problem.', 'Keine Veränderung bei mir.'],
  firstNames: [
    'Lukas', 'Anna', 'Felix', 'Laura', 'Jan', 'Katharina', 'Tobias', 'Julia', 'Stefan', 'Miriam', 'Florian',
    'Sabine', 'Matthias', 'Lea', 'Andreas', 'Nina', 'Sebastian', 'Claudia', 'Timo', 'Franziska',
  ],
  lastNames: [
    'Schneider', 'Fischer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf',
    'Neumann', 'Schwarz', 'Zimmermann', 'Krüger', 'Hartmann', 'Lange', 'Werner', 'Krause', 'Meier', 'Lehmann',
  ],
  amount: '9,99 €',
  amountUp: '14,99 €',
  phone: (rng) => `+49 151 0000 ${pad(rng.range(0, 9999), 4)}`,
};
