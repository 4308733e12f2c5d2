/** The Spanish kit: customer greetings and sign-offs, agents, reply templates, names, phone numbers. */
import { pad } from '../util';
import type { LangKit } from '../types';

export const ES: LangKit = {
  greet: ['Hola:', 'Hola,', 'Buenos días:', 'Buenas tardes,', 'Hola, equipo de Lumo:', ''],
  signNegative: ['Un saludo,', 'Saludos,', 'Gracias de antemano,', 'Atentamente,'],
  signPositive: ['Un saludo,', '¡Gracias de nuevo!', 'Saludos,'],
  chatHello: ['¡Hola! ', 'Buenas. '],
  agents: ['Lucía Herrera', 'Diego Navarro'],
  agentGreet: ['Hola, {first}:'],
  agentSign: ['Un saludo,\n{agent}\nSoporte Lumo'],
  replies: {
    billing: {
      ask: ['Sentimos las molestias. ¿Me puedes indicar la fecha del cargo y los cuatro últimos dígitos de la tarjeta para localizar el pago?'],
      answer: ['Gracias por tu paciencia. He revisado tu cuenta y he pasado el caso con prioridad a nuestro equipo de facturación. Recibirás una confirmación por correo en un plazo de dos días laborables.'],
      resolve: ['He tramitado el reembolso hoy. Según tu banco, puede tardar de 3 a 5 días laborables en aparecer en tu cuenta. Disculpa las molestias.'],
    },
    cancel: {
      ask: ['Claro. ¿Me confirmas el correo electrónico de la cuenta para cancelar la suscripción correcta?'],
      answer: ['Puedes cancelar cuando quieras desde la app, en Cuenta → Plan. Mantienes el acceso hasta el final del periodo actual.'],
      resolve: ['Hecho: tu suscripción a Lumo Cloud está cancelada y no se renovará. Seguirás teniendo acceso a tus grabaciones hasta el final del periodo actual.'],
    },
    device: {
      ask: ['Sentimos el problema. ¿Me puedes enviar el número de serie del dispositivo (App → Dispositivo → Información) y decirme desde cuándo pasa?'],
      answer: ['Gracias por avisar. Es un problema conocido del firmware {fw} y ya estamos probando una solución. Mientras tanto, suele ayudar desactivar el ahorro de energía wifi en Ajustes del dispositivo → Red.'],
      resolve: ['Esta mañana se ha publicado el firmware {fwnext}, que corrige el fallo. Tu dispositivo ya está actualizado; si vuelve a pasar, escríbenos.'],
    },
    app: {
      ask: ['Gracias por avisarnos. ¿Qué versión de la app y qué modelo de móvil usas? Una captura de pantalla ayudaría mucho a nuestros desarrolladores.'],
      answer: ['Gracias por el aviso. Nuestro equipo ha reproducido el error y la corrección llegará en la próxima versión. Mientras tanto, suele ayudar borrar la caché de la app (Ajustes → Almacenamiento → Borrar caché).'],
      resolve: ['La versión {appvnext} ya está disponible en las tiendas y soluciona el problema. Después de actualizar debería ir todo bien.'],
    },
    login: {
      ask: ['Para verificar que eres tú, ¿me confirmas el correo de la cuenta y el modelo de uno de tus dispositivos?'],
      answer: ['A veces los códigos SMS llegan con retraso. También puedes usar una app de autenticación o uno de tus códigos de respaldo.'],
      resolve: ['He restablecido la verificación en dos pasos de tu cuenta. Inicia sesión con tu contraseña y podrás configurarla de nuevo.'],
    },
    delivery: {
      ask: ['Perdona la espera. ¿Me confirmas la dirección de entrega y un teléfono de contacto para el repartidor?'],
      answer: ['He hablado con la empresa de transporte: el paquete estaba retenido en el almacén y ya está de nuevo en reparto. Deberías recibirlo en dos días laborables.'],
      resolve: ['La empresa de transporte no ha encontrado el paquete, así que te he enviado uno nuevo por envío urgente y te he devuelto los gastos de envío.'],
    },
    order: {
      ask: ['Lo miro ahora mismo. ¿Me confirmas el correo con el que hiciste el pedido?'],
      answer: ['Tu pedido {order} ya está preparado y sale mañana. Te llegará el enlace de seguimiento por correo en cuanto salga del almacén.'],
      resolve: [],
    },
    info: {
      ask: [],
      answer: ['¡Buena pregunta! En este artículo lo explicamos paso a paso: https://help.lumo.example.com/es/articles/{article}. Si algo no queda claro, responde a este mensaje.'],
      resolve: [],
    },
    feedback: {
      ask: [],
      answer: ['Gracias por tomarte el tiempo de escribirnos. He trasladado tus comentarios a nuestro equipo de producto.'],
      resolve: [],
    },
    support: {
      ask: ['Perdona la espera. ¿Me pasas el número de ticket o el correo desde el que escribiste para ocuparme ahora mismo?'],
      answer: ['Sentimos mucho la espera, no es la experiencia que queremos darte. Me he hecho cargo de tu ticket personalmente y te escribo hoy mismo.'],
      resolve: ['Disculpa de nuevo el retraso. He revisado tu consulta original y ya está todo resuelto.'],
    },
  },
  thanks: ['¡Muchísimas gracias por tu mensaje! Lo he compartido con el equipo, nos ha hecho mucha ilusión.'],
  custInfo: {
    billing: ['Era la tarjeta acabada en 4417, el cargo fue el día 3.'],
    device: ['El número de serie es {serial}. Empezó justo después de la actualización.'],
    app: ['Xiaomi Redmi Note 12, versión {appv} de la app.'],
    delivery: ['La dirección es correcta. Podéis llamarme al {phone}.'],
    other: ['Es el correo desde el que os escribo.'],
  },
  custThanks: ['¡Perfecto, gracias!', 'Ha funcionado, muchas gracias.', 'Genial, todo resuelto. Gracias por la rapidez.'],
  custStill: ['Sigue sin resolverse.', 'Lo he probado y sigue igual.', 'Por mi parte no ha cambiado nada.'],
  firstNames: [
    'Javier', 'María', 'Carlos', 'Alejandro', 'Pablo', 'Elena', 'Sergio', 'Marta', 'Andrés', 'Laura', 'Raúl',
    'Paula', 'Miguel', 'Sara', 'Adrián', 'Cristina', 'Álvaro', 'Noelia', 'Iván', 'Inés',
  ],
  lastNames: [
    'García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Fernández', 'Ruiz', 'Díaz', 'Moreno',
    'Jiménez', 'Álvarez', 'Romero', 'Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Gil', 'Serrano', 'Molina',
  ],
  amount: '9,99 €',
  amountUp: '14,99 €',
  phone: (rng) => `+34 600 000 ${pad(rng.range(0, 999), 3)}`,
};
