/** The English kit: customer greetings and sign-offs, agents, reply templates, names, phone numbers. */
import { pad } from '../util';
import type { LangKit } from '../types';

export const EN: LangKit = {
  greet: ['Hi,', 'Hello,', 'Hi there,', 'Hello Lumo team,', 'Dear Lumo Support,', 'Hi support team,', ''],
  signNegative: ['Thanks,', 'Regards,', 'Thanks in advance,', 'Best,', 'Kind regards,', ''],
  signPositive: ['Cheers,', 'Best,', 'Thanks again,', 'All the best,', ''],
  chatHello: ['Hi! ', 'Hello! ', 'Hey. '],
  agents: ['Maya Ortiz', 'Sam Whitaker', 'Priya Raman', 'Tom Ellery', 'Grace Adeyemi'],
  agentGreet: ['Hi {first},', 'Hello {first},'],
  agentSign: ['Best,\n{agent}\nLumo Support', 'Kind regards,\n{agent}\nLumo Support'],
  replies: {
    billing: {
      ask: [
        'Sorry about this. Could you send me the date of the charge and the last four digits of the card, so I can find the payment on our side?',
        "Thanks for flagging this. Can you confirm the email address the subscription is registered under? I can't find it under this one.",
      ],
      answer: [
        "Thanks for your patience. I've checked your account and passed this to our billing team with a note to prioritise it. You'll get an email confirmation within two business days.",
        "I can see the payment on our side. I've raised it with billing and will update you here as soon as I hear back.",
      ],
      resolve: [
        "I've processed the refund today. Depending on your bank it can take 3–5 business days to show on your statement. Sorry for the hassle.",
        "All sorted: the refund has been issued and I've added a free month of Lumo Cloud to your account for the trouble.",
      ],
    },
    cancel: {
      ask: ['Happy to help with that. Could you confirm the email address on the account, so I cancel the right subscription?'],
      answer: [
        'You can cancel any time in the app under Account → Plan → Cancel plan. You keep access until the end of the current billing period, and your account and devices stay as they are.',
      ],
      resolve: [
        "Done — your Lumo Cloud subscription is cancelled and won't renew. You'll keep access to your recordings until the end of the current period.",
      ],
    },
    device: {
      ask: [
        'Sorry for the trouble. Could you send me the serial number (App → Device → Device info) and roughly when this started?',
        'Thanks for the details. Which firmware version does the app show for the device, and has anything changed on your network recently?',
      ],
      answer: [
        "Thanks for the report. This matches a known issue with firmware {fw}; a fix is in testing now. In the meantime, turning off 'Wi-Fi power saving' under Device settings → Network helps in most cases.",
        'Could you try a quick reset? Remove the device from the app, hold the reset button for 10 seconds until the light blinks blue, then add it again. That clears a stuck configuration in most cases.',
      ],
      resolve: [
        'Firmware {fwnext} went out this morning and includes the fix for this. Your device has already updated, so it should behave from now on — just reply here if it happens again.',
        "I've arranged a replacement unit; you'll get a shipping confirmation within a day. No need to send the old one back until the new one has arrived.",
      ],
    },
    app: {
      ask: [
        'Sorry about that. Which app version and phone model are you using? A screenshot or screen recording would really help our developers.',
        'Thanks for letting us know. Could you send us the app diagnostics? Go to Settings → Help → Send diagnostics and reply with the code it shows.',
      ],
      answer: [
        'Thanks for reporting this. Our app team has reproduced it and the fix is planned for the next release. Until then, clearing the app cache (Settings → Storage → Clear cache) usually helps.',
        "We've seen a few reports like this since version {appv}. Updating to the latest version from the store should improve it — if it doesn't, let me know and I'll pass your logs on.",
      ],
      resolve: ['Version {appvnext} is now live in the stores and fixes this. Once you have updated, it should be back to normal.'],
    },
    login: {
      ask: ["Sorry you're locked out. To verify it's you, could you confirm the email address on the account and the model of one of your devices?"],
      answer: [
        'SMS codes are sometimes delayed by carriers. You can switch to an authenticator app, or use one of the backup codes you got when you set up 2-step verification.',
        "Please try the 'Email me a sign-in link' option on the login screen — that skips the SMS code entirely.",
      ],
      resolve: ["I've reset 2-step verification on your account. Log in with your password and you'll be asked to set it up again."],
    },
    delivery: {
      ask: [
        'Sorry about the wait. Could you confirm the delivery address and a phone number the courier can reach you on?',
        'Thanks for getting in touch. Could you send me the order number, so I can check with the courier?',
      ],
      answer: [
        "I've checked with the courier: the parcel was held at their depot and is back on the van. You should have it within two working days.",
        "I've opened a trace with the courier for this order. They usually respond within 24 hours and I'll update you as soon as they do.",
      ],
      resolve: [
        "The courier couldn't locate the parcel, so I've sent a replacement by express delivery and refunded your shipping. Tracking will follow by email.",
      ],
    },
    order: {
      ask: ['Happy to check. Could you confirm the email address you used for the order?'],
      answer: [
        "Your order {order} is packed and ships tomorrow; you'll get tracking by email as soon as it leaves the warehouse.",
        'Order {order} left our warehouse this morning — the tracking link is on its way to your inbox.',
      ],
      resolve: [],
    },
    info: {
      ask: [],
      answer: [
        "Good question! Our help article covers this step by step: https://help.lumo.example.com/articles/{article}. If anything's unclear, just reply here.",
        "Thanks for asking. I've put the details together for you in this article: https://help.lumo.example.com/articles/{article} — let me know if you have any follow-up questions.",
      ],
      resolve: [],
    },
    feedback: {
      ask: [],
      answer: [
        "Thanks for taking the time to write this. I've passed your feedback on to our product team — I can't promise a date, but messages like yours do shape the roadmap.",
        "Thanks for the honest feedback. I've logged it with the product team, so it's seen by the people who make these decisions.",
      ],
      resolve: [],
    },
    support: {
      ask: ["I'm sorry you've had to wait. Could you send me your ticket number or the email address you wrote from, so I can pick this up straight away?"],
      answer: [
        "I'm really sorry about the wait — that's not the experience we want you to have. I've taken over your ticket personally and will update you today.",
        "Apologies for the silence. Your ticket got stuck in the wrong queue; it's with me now and I'm on it.",
      ],
      resolve: ["Sorry again for the delay. I've gone through your original request and everything is sorted now — the details are in your ticket."],
    },
  },
  thanks: [
    'Thank you so much for taking the time to write this! I\'ve shared it with the team — it really made our day.',
    'Thanks a lot for the kind words! Enjoy your {product}, and let us know if you ever need anything.',
  ],
  custInfo: {
    billing: ['It was the card ending 4417, charged on the 3rd.', "The account email is the one I'm writing from."],
    device: ['Serial is {serial}. It started right after the update.', 'Firmware shows {fw}. Nothing has changed on my network.'],
    app: ['iPhone 13, app version {appv}. Screenshot attached.', 'Pixel 7, version {appv}. Diagnostics code is {n4}.'],
    delivery: ['The address is correct. You can reach me on {phone}.', 'Order number is {order}.'],
    other: ["It's the email I'm writing from.", "It's the address I'm writing from — or call me on {phone} if that's easier."],
  },
  custThanks: ['Perfect, thanks!', 'That worked, thank you.', 'Great, all sorted. Thanks for the quick help.'],
  custStill: ["Still not sorted, I'm afraid.", 'Tried that — same problem.', 'No change on my side.'],
  firstNames: [
    'Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Ethan', 'Sophie', 'Jack', 'Chloe', 'Ryan', 'Hannah', 'Owen',
    'Megan', 'Lucas', 'Daniel', 'Zoe', 'Aaron', 'Isla', 'Nathan', 'Kenji', 'Amara', 'Mateo', 'Fiona', 'Caleb',
    'Leah', 'Jordan', 'Tessa', 'Harriet', 'Callum', 'Nadia', 'Imogen', 'Dev', 'Rosa', 'Theo', 'Maddie', 'Josh',
    'Bethany', 'Ali', 'Wen', 'Connor',
  ],
  lastNames: [
    'Carter', 'Hughes', 'Patel', 'Nguyen', "O'Brien", 'Fletcher', 'Morgan', 'Reyes', 'Walsh', 'Dawson', 'Kim',
    'Sullivan', 'Brennan', 'Foster', 'Ellis', 'Shaw', 'Marsh', 'Holloway', 'Price', 'Okafor', 'Lindqvist', 'Park',
    'Bishop', 'Rowe', 'Garrett', 'Quinn', 'Harper', 'Doyle', 'Sandoval', 'Whitlock',
  ],
  amount: '$9.99',
  amountUp: '$14.99',
  phone: (rng) =>
    rng.chance(0.6)
      ? `+1 (${rng.pick(['206', '312', '415', '512', '617'])}) 555-01${pad(rng.range(0, 99), 2)}`
      : `07700 900${pad(rng.range(0, 999), 3)}`,
};
