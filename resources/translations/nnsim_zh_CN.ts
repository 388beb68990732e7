<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Show nnsim in {language}</source>
        <translation>以{language}显示 nnsim</translation>
    </message>
    <message>
        <source>No installed font covers Chinese, so Chinese text shows as boxes: install one (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk) and start nnsim again.</source>
        <translation>没有安装覆盖中文的字体，中文会显示为方框：请安装一个（Debian/Ubuntu：sudo apt-get install fonts-noto-cjk），然后重新启动 nnsim。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Backward, layer {k}&lt;/b&gt;: neuron {j}, weight {weight}{sample}</source>
        <translation>&lt;b&gt;反向传播，第 {k} 层&lt;/b&gt;：神经元 {j}，权重 {weight}{sample}</translation>
    </message>
    <message>
        <source>with a sigmoid output and cross-entropy the chain dA·g′(Z) simplifies to this; the 1/n of the mean is inside {dZ}</source>
        <translation>输出层用 sigmoid、损失用交叉熵时，链式法则 dA·g′(Z) 化简为上式；求平均的 1/n 已包含在 {dZ} 中</translation>
    </message>
    <message>
        <source>with a softmax output the chain dA·g′(Z) simplifies to this; the 1/n of the mean is inside {dZ}</source>
        <translation>输出层用 softmax 时，链式法则 dA·g′(Z) 化简为上式；求平均的 1/n 已包含在 {dZ} 中</translation>
    </message>
    <message>
        <source>{rows} (the article&apos;s columns: {columns}, with its 1/m there)</source>
        <translation>{rows}（文章中按列书写：{columns}，1/m 写在这里）</translation>
    </message>
    <message>
        <source>{dW} and {db}</source>
        <translation>{dW}，{db}</translation>
    </message>
    <message>
        <source>batch norm: dW and db use dZ = the batch-norm backward pass of dẐ</source>
        <translation>批归一化：dW 和 db 使用的 dZ 是 dẐ 经批归一化反向传播得到的</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>softmax cross-entropy</source>
        <translation>softmax 交叉熵</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>the loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>the optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>momentum μ = {mu}</source>
        <translation>动量 μ = {mu}</translation>
    </message>
    <message>
        <source>weight decay λ = {decay}</source>
        <translation>权重衰减 λ = {decay}</translation>
    </message>
    <message>
        <source>step = −η·v, with the velocity v ← μ·v + dW</source>
        <translation>更新量 = −η·v，其中速度 v ← μ·v + dW</translation>
    </message>
    <message>
        <source>step = −η·m/(√v + ε): m and v are running averages of dW and dW², bias-corrected</source>
        <translation>更新量 = −η·m/(√v + ε)：m 和 v 是 dW 和 dW² 的滑动平均（经偏差校正）</translation>
    </message>
    <message>
        <source>step = −η·(m/(√v + ε) + λ·W): Adam plus a decay of the weights</source>
        <translation>更新量 = −η·(m/(√v + ε) + λ·W)：Adam 加上权重衰减</translation>
    </message>
    <message>
        <source>step = −η·dW/(√v + ε), v a running average of dW²</source>
        <translation>更新量 = −η·dW/(√v + ε)，v 是 dW² 的滑动平均</translation>
    </message>
    <message>
        <source>step = −η·dW/(√G + ε), G the sum of every dW² so far</source>
        <translation>更新量 = −η·dW/(√G + ε)，G 是迄今所有 dW² 之和</translation>
    </message>
    <message>
        <source>the gradients were clipped (by norm) before the step</source>
        <translation>更新前梯度已按范数裁剪</translation>
    </message>
    <message>
        <source>the gradients were clipped (by value) before the step</source>
        <translation>更新前梯度已按数值裁剪</translation>
    </message>
    <message>
        <source>&lt;b&gt;Forward, layer {k}&lt;/b&gt;: neuron {j}{sample}</source>
        <translation>&lt;b&gt;前向传播，第 {k} 层&lt;/b&gt;：神经元 {j}{sample}</translation>
    </message>
    <message>
        <source>{rows} (one sample per row; the article&apos;s columns: {columns})</source>
        <translation>{rows}（每行一个样本；文章中按列书写：{columns}）</translation>
    </message>
    <message>
        <source>(normalised by the batch&apos;s mean and spread, then scaled by γ and shifted by β)</source>
        <translation>（用这一批的均值和标准差归一化，再乘以 γ、加上 β）</translation>
    </message>
    <message>
        <source>dropout: m is 0 (probability {p}) or 1/(1 − {p}), drawn at random</source>
        <translation>丢弃法：m 随机取 0（概率 {p}）或 1/(1 − {p})</translation>
    </message>
    <message>
        <source>{A} is the network&apos;s output: its prediction Ŷ</source>
        <translation>{A} 是网络的输出，即预测值 Ŷ</translation>
    </message>
    <message>
        <source>&lt;b&gt;Loss&lt;/b&gt;: {title}{sample}</source>
        <translation>&lt;b&gt;损失&lt;/b&gt;：{title}{sample}</translation>
    </message>
    <message>
        <source>This is the cross-entropy the article&apos;s {code} computes (its text calls it the mean squared error)</source>
        <translation>这是文章中 {code} 计算的交叉熵（文章正文称之为均方误差）</translation>
    </message>
    <message>
        <source>{J}: the probability given to the true class</source>
        <translation>{J}：网络给真实类别的概率</translation>
    </message>
    <message>
        <source>true class of the sample: {label}, probability {p}</source>
        <translation>该样本的真实类别：{label}，概率 {p}</translation>
    </message>
    <message>
        <source>J is the data loss; the {penalty} penalty on the weights joins at the update</source>
        <translation>J 是数据损失；权重的 {penalty} 惩罚项在更新时加入</translation>
    </message>
    <message>
        <source>&lt;b&gt;Update&lt;/b&gt;: {optimizer}, learning rate η = {lr}</source>
        <translation>&lt;b&gt;更新&lt;/b&gt;：{optimizer}，学习率 η = {lr}</translation>
    </message>
    <message>
        <source>each parameter moves against its own gradient: W ← W − η·dW, b ← b − η·db</source>
        <translation>每个参数沿自身梯度的反方向移动：W ← W − η·dW，b ← b − η·db</translation>
    </message>
    <message>
        <source>the step the optimizer took</source>
        <translation>优化器实际的更新量</translation>
    </message>
    <message>
        <source>new = old + step, {rule}</source>
        <translation>新值 = 旧值 + 更新量，{rule}</translation>
    </message>
    <message>
        <source>dW includes the gradient of the {penalty} penalty</source>
        <translation>dW 包含 {penalty} 惩罚项的梯度</translation>
    </message>
    <message>
        <source>the gradients were clipped (by {mode}) before the step</source>
        <translation>更新前梯度已裁剪（{mode}）</translation>
    </message>
    <message>
        <source>{p}(new) = {p}(old) + step = {old} + {step} = {new}</source>
        <translation>{p}(新) = {p}(旧) + 更新量 = {old} + {step} = {new}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training diverged:&lt;/b&gt; {reason}</source>
        <translation>&lt;b&gt;训练发散：&lt;/b&gt;{reason}</translation>
    </message>
    <message>
        <source>, sample {s} of {n}</source>
        <translation>，第 {s} 个样本（共 {n} 个）</translation>
    </message>
    <message>
        <source>the target must be a finite number, got {label}</source>
        <translation>目标值必须是有限的数，收到的是 {label}</translation>
    </message>
    <message>
        <source>the target must be a class 0..{last}, got {label}</source>
        <translation>目标值必须是类别 0..{last}，收到的是 {label}</translation>
    </message>
    <message>
        <source>the target of cross-entropy must be in [0, 1], got {label}</source>
        <translation>交叉熵的目标值必须在 [0, 1] 内，收到的是 {label}</translation>
    </message>
    <message>
        <source>batch normalisation needs at least 2 samples: use the mini-batch source</source>
        <translation>批归一化至少需要 2 个样本：请选择“小批量”</translation>
    </message>
    <message>
        <source>index must be a training sample 0..{last}, got {index}</source>
        <translation>序号必须是训练样本 0..{last}，收到的是 {index}</translation>
    </message>
    <message>
        <source>a custom sample needs x=(x1, x2) and y=its target</source>
        <translation>手动输入的样本需要 x=(x1, x2) 和 y=目标值</translation>
    </message>
    <message>
        <source>x must be finite, got {x}</source>
        <translation>x 必须是有限的数，收到的是 {x}</translation>
    </message>
    <message>
        <source>{p} before</source>
        <translation>更新前的 {p}</translation>
    </message>
    <message>
        <source>step of {p}</source>
        <translation>{p} 的更新量</translation>
    </message>
    <message>
        <source>{p} after</source>
        <translation>更新后的 {p}</translation>
    </message>
    <message>
        <source>The article&apos;s worked example</source>
        <translation>文章中的示例</translation>
    </message>
    <message>
        <source>A fixed learning rate: 0.0001, 0.01, 0.1</source>
        <translation>固定学习率：0.0001、0.01、0.1</translation>
    </message>
    <message>
        <source>Too high a learning rate: oscillate, then diverge</source>
        <translation>学习率过高：振荡，然后发散</translation>
    </message>
    <message>
        <source>Too low a learning rate: crawling, and stuck</source>
        <translation>学习率过低：爬行，以及停滞</translation>
    </message>
    <message>
        <source>Learning-rate decay: 0.1 / (1 + 0.01·10)</source>
        <translation>学习率衰减：0.1 / (1 + 0.01·10)</translation>
    </message>
    <message>
        <source>Adaptive learning rates: SGD, RMSprop, Adam</source>
        <translation>自适应学习率：SGD、RMSprop、Adam</translation>
    </message>
    <message>
        <source>Vanishing gradients: ten sigmoid layers</source>
        <translation>梯度消失：十层 sigmoid</translation>
    </message>
    <message>
        <source>Cures: ReLU, He init, BatchNorm</source>
        <translation>对策：ReLU、He 初始化、批归一化</translation>
    </message>
    <message>
        <source>Exploding gradients, and clipping</source>
        <translation>梯度爆炸，以及梯度裁剪</translation>
    </message>
    <message>
        <source>Symmetry: why weights start random</source>
        <translation>对称性：为什么权重要随机初始化</translation>
    </message>
    <message>
        <source>Click a point: send that sample through the network</source>
        <translation>点击一个数据点：让这个样本流经网络</translation>
    </message>
    <message>
        <source>Hide controls</source>
        <translation>隐藏控件</translation>
    </message>
    <message>
        <source>Checked controls are hidden, so only what is being taught is on screen. The choice is saved with the experiment.</source>
        <translation>勾选的控件将被隐藏，屏幕上只留下正在讲授的内容。这一选择随实验一起保存。</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一阶段</translation>
    </message>
    <message>
        <source>Previous phase (← or PageUp)</source>
        <translation>上一阶段（← 或 PgUp）</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一阶段 ▶</translation>
    </message>
    <message>
        <source>Next phase (→, Space or PageDown)</source>
        <translation>下一阶段（→、Space 或 PgDn）</translation>
    </message>
    <message>
        <source>Run to end of step</source>
        <translation>运行到本步结束</translation>
    </message>
    <message>
        <source>Apply the whole step (End)</source>
        <translation>执行完整的一步（End）</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Step along the gradient</source>
        <translation>沿梯度的一步</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Training diverged: {reason}. Go back (←), or lower the learning rate.</source>
        <translation>训练发散：{reason}。请后退（←），或降低学习率。</translation>
    </message>
    <message>
        <source>Step {step} · ready: press → to begin</source>
        <translation>第 {step} 步 · 就绪：按 → 开始</translation>
    </message>
    <message>
        <source>Step {step} · {phase} ({position} of {count})</source>
        <translation>第 {step} 步 · {phase}（{position}/{count}）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {step}&lt;/b&gt; is ready. Press → (or Space, PageDown) for &lt;b&gt;{phase}&lt;/b&gt;: the input goes through the first layer.&lt;br&gt;&lt;br&gt;Choose what flows through on the left; click an edge of the diagram to write out its weight.</source>
        <translation>&lt;b&gt;第 {step} 步&lt;/b&gt;已就绪。按 →（或 Space、PgDn）进入&lt;b&gt;{phase}&lt;/b&gt;：输入经过第一层。&lt;br&gt;&lt;br&gt;在左侧选择流经网络的数据；点击图中的一条边，写出它的权重。</translation>
    </message>
    <message>
        <source>The lesson in English</source>
        <translation>英文版课程</translation>
    </message>
    <message>
        <source>The lesson in Chinese (中文)</source>
        <translation>中文版课程</translation>
    </message>
    <message>
        <source>Neuron j of the layer whose formula is written out</source>
        <translation>要写出公式的神经元 j（在本层中的序号）</translation>
    </message>
    <message>
        <source>j of the weight W[j, i]: the neuron it feeds</source>
        <translation>权重 W[j, i] 的 j：它输入的神经元</translation>
    </message>
    <message>
        <source>i of the weight W[j, i]: where it comes from</source>
        <translation>权重 W[j, i] 的 i：它来自的神经元</translation>
    </message>
    <message>
        <source>Neuron j</source>
        <translation>神经元 j</translation>
    </message>
    <message>
        <source>Weight W[j, i]</source>
        <translation>权重 W[j, i]</translation>
    </message>
    <message>
        <source>Forward L{layer}</source>
        <translation>前向 L{layer}</translation>
    </message>
    <message>
        <source>Fwd L{layer}</source>
        <translation>前向{layer}</translation>
    </message>
    <message>
        <source>F{layer}</source>
        <translation>前{layer}</translation>
    </message>
    <message>
        <source>Backward L{layer}</source>
        <translation>反向 L{layer}</translation>
    </message>
    <message>
        <source>Bwd L{layer}</source>
        <translation>反向{layer}</translation>
    </message>
    <message>
        <source>B{layer}</source>
        <translation>反{layer}</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Upd</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Go to {phase}</source>
        <translation>转到：{phase}</translation>
    </message>
    <message>
        <source>Mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <source>One sample</source>
        <translation>单个样本</translation>
    </message>
    <message>
        <source>Typed in</source>
        <translation>手动输入</translation>
    </message>
    <message>
        <source>What flows through the network in the next step</source>
        <translation>下一步流经网络的数据</translation>
    </message>
    <message>
        <source>The training sample (row of the training set)</source>
        <translation>训练样本（训练集中的行号）</translation>
    </message>
    <message>
        <source>x₁ of the sample typed in</source>
        <translation>手动输入样本的 x₁</translation>
    </message>
    <message>
        <source>x₂ of the sample typed in</source>
        <translation>手动输入样本的 x₂</translation>
    </message>
    <message>
        <source>Its target Y</source>
        <translation>它的目标值 Y</translation>
    </message>
    <message>
        <source>Sample #</source>
        <translation>样本序号</translation>
    </message>
    <message>
        <source>or click a point</source>
        <translation>或点击一个数据点</translation>
    </message>
    <message>
        <source>target Y</source>
        <translation>目标值 Y</translation>
    </message>
    <message>
        <source>What flows through:</source>
        <translation>流经网络的数据：</translation>
    </message>
    <message>
        <source>The trainer&apos;s next mini-batch.</source>
        <translation>训练器的下一个小批量。</translation>
    </message>
    <message>
        <source>Sample {index}: x = ({x1}, {x2}), Y = {y}.</source>
        <translation>样本 {index}：x = ({x1}, {x2})，Y = {y}。</translation>
    </message>
    <message>
        <source>Typed in: x = ({x1}, {x2}), Y = {y}.</source>
        <translation>手动输入：x = ({x1}, {x2})，Y = {y}。</translation>
    </message>
    <message>
        <source>&amp;Ask</source>
        <translation>每次询问(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Continue from the lecture&apos;s steps</source>
        <translation>从讲课训练的步继续(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Discard the lecture&apos;s steps</source>
        <translation>丢弃讲课训练的步(&amp;D)</translation>
    </message>
    <message>
        <source>Lecture mode: fetching the trainer&apos;s state from the training process…</source>
        <translation>讲课模式：正在从训练进程获取训练器的状态…</translation>
    </message>
    <message>
        <source>The training process did not send its state in time: press F5 again.</source>
        <translation>训练进程没有及时发来状态：请再按一次 F5。</translation>
    </message>
    <message>
        <source>Lecture mode: walk one training step phase by phase</source>
        <translation>讲课模式：逐阶段讲解一个训练步</translation>
    </message>
    <message>
        <source>Lecture mode: next / previous phase</source>
        <translation>讲课模式：下一阶段 / 上一阶段</translation>
    </message>
    <message>
        <source>Lecture mode: run to the end of the step</source>
        <translation>讲课模式：运行到本步结束</translation>
    </message>
    <message>
        <source>Larger / smaller / normal text</source>
        <translation>放大 / 缩小 / 正常大小的文字</translation>
    </message>
    <message>
        <source>&amp;Lecture mode</source>
        <translation>讲课模式(&amp;L)</translation>
    </message>
    <message>
        <source>Walk one training step phase by phase, with its numbers</source>
        <translation>逐阶段讲解一个训练步，并写出其中的数值</translation>
    </message>
    <message>
        <source>When &amp;leaving the lecture</source>
        <translation>离开讲课时(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>演示(&amp;P)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>高对比度(&amp;H)</translation>
    </message>
    <message>
        <source>Hide &amp;controls…</source>
        <translation>隐藏控件(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>The lecture could not start from the training state: {error}</source>
        <translation>无法从训练状态开始讲课：{error}</translation>
    </message>
    <message>
        <source>Leaving the lecture</source>
        <translation>离开讲课</translation>
    </message>
    <message>
        <source>The lecture trained the network to step {lecture}; the window is at step {window}. Continue training from the lecture&apos;s weights, optimizer state and data order, or discard the lecture&apos;s steps?</source>
        <translation>讲课已把网络训练到第 {lecture} 步；窗口停在第 {window} 步。要从讲课的权重、优化器状态和数据顺序继续训练，还是丢弃讲课训练的步？</translation>
    </message>
    <message>
        <source>Continue from the lecture</source>
        <translation>从讲课处继续</translation>
    </message>
    <message>
        <source>Discard the lecture&apos;s steps</source>
        <translation>丢弃讲课训练的步</translation>
    </message>
    <message>
        <source>Remember my choice (View ▸ When leaving the lecture)</source>
        <translation>记住我的选择（视图 ▸ 离开讲课时）</translation>
    </message>
    <message>
        <source>The lesson&apos;s change</source>
        <translation>本课的改动</translation>
    </message>
    <message>
        <source>Lesson: {title}. The question is in the Lesson panel. → / Space / PageDown walk the phases.</source>
        <translation>课程：{title}。问题在“课程”面板中。按 → / Space / PgDn 逐阶段讲解。</translation>
    </message>
    <message>
        <source>Lesson: {title}. The question is in the Lesson panel.</source>
        <translation>课程：{title}。问题在“课程”面板中。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Question&lt;/b&gt;</source>
        <translation>&lt;b&gt;问题&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>设置实验</translation>
    </message>
    <message>
        <source>Set the lesson&apos;s experiment up again (and open the window it uses), from step 0.</source>
        <translation>重新设置本课的实验（并打开它所用的窗口），从第 0 步开始。</translation>
    </message>
    <message>
        <source>Show me</source>
        <translation>看哪里</translation>
    </message>
    <message>
        <source>Frame the panel the lesson asks you to watch, for a moment.</source>
        <translation>短暂地框出本课要你观察的面板。</translation>
    </message>
    <message>
        <source>Check my answer</source>
        <translation>检查我的答案</translation>
    </message>
    <message>
        <source>Compare your answer with what the run on screen shows.</source>
        <translation>把你的答案与屏幕上这次运行的结果对照。</translation>
    </message>
</context>
</TS>
