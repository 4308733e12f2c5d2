/** The Brazilian Portuguese kit: customer greetings and sign-offs, agents, reply templates, names, phone numbers. */
import { pad } from '../util';
import type { LangKit } from '../types';

export const PT: LangKit = {
  greet: ['Olá,', 'Oi,', 'Bom dia,', 'Boa tarde,', 'Olá, equipe Lumo,', ''],
  signNegative: ['Att.,', 'Aguardo retorno.', 'Desde já agradeço.', 'Abraço,'],
  signPositive: ['Abraço,', 'Valeu!', 'Abraços,'],
  chatHello: ['Oi! ', 'Olá! ', 'Boa tarde! '],
  agents: ['Rafael Souza', 'Beatriz Lima'],
  agentGreet: ['Olá, {first}!', 'Oi, {first}!'],
  agentSign: ['Abraço,\n{agent}\nSuporte Lumo', 'Atenciosamente,\n{agent}\nSuporte Lumo'],
  replies: {
    billing: {
      ask: ['Desculpe o transtorno. Você pode me passar a data da cobrança e os quatro últimos dígitos do cartão pra eu localizar o pagamento?'],
      answer: ['Agradeço a paciência. Verifiquei sua conta e encaminhei o caso com prioridade pro nosso time financeiro. Você vai receber uma confirmação por e-mail em até dois dias úteis.'],
      resolve: ['Fiz o estorno hoje. Dependendo do banco, pode levar de 3 a 5 dias úteis pra aparecer na fatura. Desculpe o transtorno.'],
    },
    cancel: {
      ask: ['Claro! Você pode confirmar o e-mail da conta pra eu cancelar a assinatura certa?'],
      answer: ['Você pode cancelar quando quiser pelo app, em Conta → Plano. O acesso continua até o fim do período atual.'],
      resolve: ['Pronto: sua assinatura do Lumo Cloud foi cancelada e não será renovada. Você continua com acesso às gravações até o fim do período atual.'],
    },
    device: {
      ask: ['Sinto muito pelo problema. Você pode me mandar o número de série do aparelho (App → Dispositivo → Informações) e dizer desde quando isso acontece?'],
      answer: ['Agradeço o aviso. É um problema conhecido do firmware {fw} e a correção já está em teste. Enquanto isso, desativar a economia de energia do Wi-Fi em Configurações do dispositivo → Rede costuma ajudar.'],
      resolve: ['O firmware {fwnext}, com a correção, foi liberado hoje de manhã. Seu aparelho já está atualizado; se acontecer de novo, é só responder aqui.'],
    },
    app: {
      ask: ['Valeu por avisar. Qual versão do app e qual modelo de celular você usa? Um print da tela ajudaria muito nossos desenvolvedores.'],
      answer: ['Agradeço o aviso. Nosso time reproduziu o erro e a correção vem na próxima versão. Enquanto isso, limpar o cache do app (Configurações → Armazenamento → Limpar cache) costuma resolver.'],
      resolve: ['A versão {appvnext} já está nas lojas e corrige o problema. Depois de atualizar, deve voltar ao normal.'],
    },
    login: {
      ask: ['Pra confirmar que é você, pode me passar o e-mail da conta e o modelo de um dos seus aparelhos?'],
      answer: ['Às vezes o SMS atrasa. Você também pode usar um app autenticador ou um dos seus códigos de backup.'],
      resolve: ['Redefini a verificação em duas etapas da sua conta. Entre com sua senha e configure de novo.'],
    },
    delivery: {
      ask: ['Desculpe a demora. Você pode confirmar o endereço de entrega e um telefone pro entregador?'],
      answer: ['Falei com a transportadora: o pacote ficou retido no centro de distribuição e já saiu pra entrega de novo. Deve chegar em até dois dias úteis.'],
      resolve: ['A transportadora não localizou o pacote, então enviei outro por entrega expressa e estornei o frete.'],
    },
    order: {
      ask: ['Vou verificar. Pode confirmar o e-mail usado no pedido?'],
      answer: ['Seu pedido {order} já está separado e sai amanhã. Você vai receber o código de rastreio por e-mail assim que ele sair do nosso centro de distribuição.'],
      resolve: [],
    },
    info: {
      ask: [],
      answer: ['Boa pergunta! Este artigo explica tudo passo a passo: https://help.lumo.example.com/pt/articles/{article}. Se ficar alguma dúvida, é só responder aqui.'],
      resolve: [],
    },
    feedback: {
      ask: [],
      answer: ['Agradeço por ter tirado um tempo pra escrever. Encaminhei seu feedback pro nosso time de produto.'],
      resolve: [],
    },
    support: {
      ask: ['Desculpe a demora. Pode me passar o número do chamado ou o e-mail que você usou, pra eu assumir agora?'],
      answer: ['Sinto muito pela espera, não é essa a experiência que queremos oferecer. Assumi seu chamado pessoalmente e te dou um retorno ainda hoje.'],
      resolve: ['Mais uma vez, desculpe a demora. Revisei seu chamado original e está tudo resolvido.'],
    },
  },
  thanks: ['Que mensagem boa de receber! Compartilhei com o time, ficamos muito felizes.'],
  custInfo: {
    billing: ['Foi o cartão com final 4417, cobrado no dia 3.'],
    device: ['O número de série é {serial}. Começou logo depois da atualização.'],
    app: ['Motorola Edge 30, app versão {appv}.'],
    delivery: ['O endereço está certo. Meu telefone é {phone}.'],
    other: ['É o e-mail de onde estou escrevendo.'],
  },
  custThanks: ['Perfeito, valeu!', 'Funcionou, valeu mesmo!', 'Ótimo, resolvido. Agradeço pela rapidez.'],
  custStill: ['Continua sem resolver.', 'Tentei isso, mesmo problema.', 'Nada mudou por aqui.'],
  firstNames: [
    'Lucas', 'Mariana', 'Gabriel', 'Ana', 'Pedro', 'Juliana', 'Camila', 'Thiago', 'Fernanda', 'Bruno', 'Larissa',
    'Felipe', 'Gustavo', 'Letícia', 'Rodrigo', 'Aline', 'Diego', 'Patrícia', 'Vinícius', 'Renata',
  ],
  lastNames: [
    'Silva', 'Santos', 'Oliveira', 'Pereira', 'Costa', 'Rodrigues', 'Almeida', 'Nascimento', 'Araújo',
    'Ferreira', 'Carvalho', 'Gomes', 'Martins', 'Rocha', 'Ribeiro', 'Barbosa', 'Cardoso', 'Teixeira',
  ],
  amount: 'R$ 49,90',
  amountUp: 'R$ 69,90',
  phone: (rng) => `(11) 90000-${pad(rng.range(0, 9999), 4)}`,
};
