"""The seed article's worked example as a lesson: a [2, 4, 1] sigmoid network learning
X = (1, 2) → Y = 0.6 with binary cross-entropy and SGD, walked phase by phase.

The network is ``article_experiment()``: hidden layer of 4 sigmoid units, sigmoid output,
weights ``randn·0.01`` (the ``article`` initialiser) drawn with seed ``ARTICLE_SEED = 1``,
biases 0, SGD with learning rate 0.1 (the article also discusses 0.01 and 0.0001). Its
initial weights, to 4 significant digits (``session.trainer.network.layers[0].W``)::

    W1 = [[−0.006403,  0.003928],      b1 = [0, 0, 0, 0]
          [−0.003932,  0.01097 ],
          [−0.02673,  −0.01107 ],
          [−0.003012,  0.01232 ]]
    W2 = [[0.01025, 0.01019, −0.005395, −0.01367]]    b2 = [0]

The target 0.6 is not a class, and an experiment's binary cross-entropy needs class data:
the experiment's data are the two custom points (1, 2) with class 1 (the training point
with this seed) and (−1, −2) with class 0 (the test point), and the lesson feeds the
article's sample with ``session.set_source("custom", x=(1, 2), y=0.6)``, which
:func:`article_session` does. The engine's binary cross-entropy takes soft targets: its
value and its gradient dZ = (A − Y)/n are exact for Y = 0.6.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

from nnsim.engine.schedules import make_schedule
from nnsim.training.experiment import (
    DataSpec,
    Experiment,
    LayerSpec,
    NetworkSpec,
    OptimizerSpec,
    TrainingSpec,
)
from nnsim.training.lecture.formatting import format_number
from nnsim.training.lecture.session import LectureSession
from nnsim.training.trainer import Trainer

ARTICLE_SEED = 1
"""Seeds the article lesson's initial weights (and puts the point (1, 2) in the training set)."""


@dataclass(frozen=True)
class ArticleLesson:
    """The numbers of the article's worked example."""

    id: str = "article-backprop"
    layer_sizes: tuple[int, ...] = (2, 4, 1)
    activation: str = "sigmoid"
    init: str = "article"
    seed: int = ARTICLE_SEED
    loss: str = "bce"
    optimizer: str = "sgd"
    lr: float = 0.1
    learning_rates: tuple[float, ...] = (0.01, 0.1, 0.0001)
    x: tuple[float, float] = (1.0, 2.0)
    y: float = 0.6
    decay_lr0: float = 0.1
    decay_rate: float = 0.01
    decay_epoch: int = 10
    initial_weights: MappingProxyType = field(
        default_factory=lambda: MappingProxyType(
            {
                "W1": (
                    (-0.006403, 0.003928),
                    (-0.003932, 0.01097),
                    (-0.02673, -0.01107),
                    (-0.003012, 0.01232),
                ),
                "b1": (0.0, 0.0, 0.0, 0.0),
                "W2": ((0.01025, 0.01019, -0.005395, -0.01367),),
                "b2": (0.0,),
            }
        )
    )


ARTICLE_LESSON = ArticleLesson()


def article_decay_example(lesson: ArticleLesson = ARTICLE_LESSON) -> float:
    """The article's ``learning_rate / (1 + decay_rate·epoch)`` = 0.1/(1 + 0.01·10) ≈ 0.0909,
    from nnsim's ``inverse_time`` schedule."""
    schedule = make_schedule("inverse_time", lesson.decay_lr0, decay_rate=lesson.decay_rate)
    return schedule.lr(lesson.decay_epoch)


def article_experiment(lr: float = ARTICLE_LESSON.lr) -> Experiment:
    """The article's network and training set-up (see the module docstring); ``lr`` one of
    ``ARTICLE_LESSON.learning_rates`` to compare them."""
    lesson = ARTICLE_LESSON
    sizes = lesson.layer_sizes
    experiment = Experiment(
        seed=lesson.seed,
        data=DataSpec(
            dataset="custom",
            train_fraction=0.5,
            features=("x1", "x2"),
            points=((*lesson.x, 1.0), (-lesson.x[0], -lesson.x[1], 0.0)),
        ),
        network=NetworkSpec(
            hidden_layers=tuple(LayerSpec(units, lesson.activation) for units in sizes[1:-1]),
            output_activation=lesson.activation,
            init=lesson.init,
        ),
        loss=lesson.loss,
        training=TrainingSpec(
            batch_size=1, optimizer=OptimizerSpec(lesson.optimizer, {"lr": lr}), eval_every=1
        ),
        name=lesson.id,
        description=(
            "The article's worked example: a [2, 4, 1] sigmoid network, weights randn·0.01, "
            "one sample X = (1, 2) with target 0.6, binary cross-entropy, plain gradient "
            "descent. Walk one step phase by phase in lecture mode."
        ),
    )
    experiment.validate()
    return experiment


def article_session(lr: float = ARTICLE_LESSON.lr) -> LectureSession:
    """A lecture session on :func:`article_experiment` fed the article's sample X = (1, 2),
    Y = 0.6."""
    session = LectureSession(Trainer(article_experiment(lr)))
    session.set_source("custom", x=ARTICLE_LESSON.x, y=ARTICLE_LESSON.y)
    return session


_DECAY = format_number(article_decay_example(), 3)

ARTICLE_NOTES: MappingProxyType = MappingProxyType(
    {
        "en": (
            "The input must be a column. The article's forward pass computes "
            "np.dot(W, A_prev) with W1 of shape 4×2, so X has to be the 2×1 column "
            "[[1.0], [2.0]]; the article builds np.array([[1.0, 2.0]]), a 1×2 row, and the "
            "product fails. nnsim keeps one sample per row instead: X is the 1×2 row (1, 2) "
            "and a layer computes Z = X·Wᵀ + b. Both conventions give the same numbers, "
            "transposed, since (W·X)ᵀ = X·Wᵀ; the lecture's formulas show both.",
            "layer_dims = [2, 4, 1] has two layers of weights, W1 (4×2) and W2 (1×4), so the "
            "network's output is A2. The article's code reads A3 and W3, which do not exist. "
            "The backward pass starts at the output with dZ2 = A2 − Y, dW2 = dZ2·A1ᵀ and "
            "db2 = Σ dZ2, carries the error back through W2 (dA1 = W2ᵀ·dZ2, "
            "dZ1 = dA1 ⊙ A1(1 − A1)) and must go on to dW1 = dZ1·Xᵀ and db1 = Σ dZ1, "
            "which the article leaves out.",
            "Each parameter must move with its own gradient: W1 − η·dW1, b1 − η·db1, "
            "W2 − η·dW2, b2 − η·db2. The article's gradient_descent subtracts grads[key] "
            "for key = 'W1', 'b1', …, but the gradients are stored as 'dW1', 'db1', …, so it "
            "looks up gradients that are not there.",
            "The loss the article's compute_loss computes, −(1/m)·Σ[Y·log(A) + "
            "(1 − Y)·log(1 − A)], is the binary cross-entropy, not the mean squared error "
            "(1/m)·Σ(A − Y)² its text names. With a sigmoid output, cross-entropy is what "
            "makes the output's dZ simply A − Y. The target 0.6 is a soft target: the loss "
            "is smallest when the output is 0.6.",
            "The 1/m: the article divides dW and db by m, the number of samples (columns). "
            "nnsim divides once, in dZ = (A − Y)/n, so its dW and db already include it.",
            "The article's learning rates: 0.01 in its gradient-descent example, 0.1 as a "
            "rate that may overshoot, and 0.0001 as one that crawls. Walk the same step with "
            "each and compare the size of the update.",
            "The decay example: learning_rate / (1 + decay_rate·epoch) with 0.1, 0.01 and "
            f"epoch 10 gives 0.1/(1 + 0.01·10) = 0.1/1.1 ≈ {_DECAY}. In nnsim this is the "
            "inverse_time schedule with decay_rate 0.01, counted in epochs.",
        ),
        "zh": (
            "输入必须是列向量。文章的前向传播计算 np.dot(W, A_prev)，W1 的形状是 4×2，"
            "所以 X 应当是 2×1 的列 [[1.0], [2.0]]；文章却写成 np.array([[1.0, 2.0]])，"
            "这是 1×2 的行，矩阵乘法会出错。nnsim 采用每行一个样本的约定：X 是 1×2 的行 "
            "(1, 2)，每一层计算 Z = X·Wᵀ + b。两种约定得到的数值相同，只是互为转置，"
            "因为 (W·X)ᵀ = X·Wᵀ；讲解中的公式两种写法都会给出。",
            "layer_dims = [2, 4, 1] 只有两层权重：W1（4×2）和 W2（1×4），所以网络的输出是 "
            "A2。文章的代码读取 A3 和 W3，而它们并不存在。反向传播从输出层开始："
            "dZ2 = A2 − Y，dW2 = dZ2·A1ᵀ，db2 = Σ dZ2；再经过 W2 把误差传回第一层："
            "dA1 = W2ᵀ·dZ2，dZ1 = dA1 ⊙ A1(1 − A1)；最后还必须算出 dW1 = dZ1·Xᵀ 和 "
            "db1 = Σ dZ1，文章漏掉了这一步。",
            "每个参数都要用它自己的梯度来更新：W1 − η·dW1，b1 − η·db1，W2 − η·dW2，"
            "b2 − η·db2。文章的 gradient_descent 对 key = 'W1'、'b1' 等减去 grads[key]，"
            "但梯度保存在 'dW1'、'db1' 等键下，所以它查找的梯度并不存在。",
            "文章的 compute_loss 计算的是 −(1/m)·Σ[Y·log(A) + (1 − Y)·log(1 − A)]，"
            "即二元交叉熵，而不是正文所说的均方误差 (1/m)·Σ(A − Y)²。输出层使用 sigmoid "
            "时，正是交叉熵让输出层的 dZ 化简为 A − Y。目标值 0.6 是一个软标签："
            "输出等于 0.6 时损失最小。",
            "关于 1/m：文章在 dW 和 db 中除以样本数 m（列数）。nnsim 只在 "
            "dZ = (A − Y)/n 中除一次，因此它的 dW 和 db 已经包含了这个因子。",
            "文章中的学习率：梯度下降示例用 0.01，0.1 是可能越过最小值的较大学习率，"
            "0.0001 则是前进得非常慢的学习率。用这三个值分别走一遍同一步，比较更新量的大小。",
            "衰减示例：learning_rate / (1 + decay_rate·epoch)，取 0.1、0.01 和第 10 个 "
            f"epoch，得到 0.1/(1 + 0.01·10) = 0.1/1.1 ≈ {_DECAY}。在 nnsim 中这就是 "
            "inverse_time 学习率调度，decay_rate 为 0.01，按 epoch 计数。",
        ),
    }
)
"""The lesson's notes on the article's code, in English and Chinese, in the same order:
input shape, layer count and the missing dW1/db1, pairing W with dW, the loss's name,
the 1/m, the three learning rates, the decay example."""
