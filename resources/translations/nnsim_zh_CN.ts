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
        <source>clipping norm</source>
        <translation>按范数裁剪梯度</translation>
    </message>
    <message>
        <source>clipping value</source>
        <translation>按值裁剪梯度</translation>
    </message>
    <message>
        <source>the seed changed</source>
        <translation>随机种子变了</translation>
    </message>
    <message>
        <source>the network changed</source>
        <translation>网络变了</translation>
    </message>
    <message>
        <source>the input features changed</source>
        <translation>输入特征变了</translation>
    </message>
    <message>
        <source>the task changed</source>
        <translation>任务变了</translation>
    </message>
    <message>
        <source>the data set changed</source>
        <translation>数据集变了</translation>
    </message>
    <message>
        <source>seed {old} → {new}</source>
        <translation>随机种子 {old} → {new}</translation>
    </message>
    <message>
        <source>data {old} → {new}</source>
        <translation>数据集 {old} → {new}</translation>
    </message>
    <message>
        <source>features {old} → {new}</source>
        <translation>输入特征 {old} → {new}</translation>
    </message>
    <message>
        <source>hidden layers {old} → {new}</source>
        <translation>隐藏层 {old} → {new}</translation>
    </message>
    <message>
        <source>activation {old} → {new}</source>
        <translation>激活函数 {old} → {new}</translation>
    </message>
    <message>
        <source>init {old} → {new}</source>
        <translation>初始化 {old} → {new}</translation>
    </message>
    <message>
        <source>{first}, {then}</source>
        <translation>{first}，{then}</translation>
    </message>
    <message>
        <source>optimizer {old} → {new}</source>
        <translation>优化器 {old} → {new}</translation>
    </message>
    <message>
        <source>schedule {old} → {new}</source>
        <translation>学习率调度 {old} → {new}</translation>
    </message>
    <message>
        <source>batch {old} → {new}</source>
        <translation>批大小 {old} → {new}</translation>
    </message>
    <message>
        <source>penalty {kind} {rate:g}</source>
        <translation>正则化 {kind} {rate:g}</translation>
    </message>
    <message>
        <source>clipping off</source>
        <translation>关闭梯度裁剪</translation>
    </message>
    <message>
        <source>evaluate every {steps}</source>
        <translation>每 {steps} 步评估一次</translation>
    </message>
    <message>
        <source>data edited</source>
        <translation>数据已修改</translation>
    </message>
    <message>
        <source>{first}; {then}</source>
        <translation>{first}；{then}</translation>
    </message>
    <message>
        <source>settings changed</source>
        <translation>设置已更改</translation>
    </message>
    <message>
        <source>he_normal init</source>
        <translation>He 正态初始化</translation>
    </message>
    <message>
        <source>xavier_uniform init</source>
        <translation>Xavier 均匀初始化</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>leaky ReLU, η {old:g} → {new:g}</source>
        <translation>Leaky ReLU，η {old:g} → {new:g}</translation>
    </message>
    <message>
        <source>ReLU and He init</source>
        <translation>ReLU 与 He 初始化</translation>
    </message>
    <message>
        <source>clip the gradient norm at 1</source>
        <translation>把梯度范数裁剪到 1</translation>
    </message>
    <message>
        <source>L2 regularisation {rate:g}</source>
        <translation>L2 正则化 {rate:g}</translation>
    </message>
    <message>
        <source>the loss rises and falls around {mean:.3g} with no downward trend over {window} steps while each step changes the weights by {ratio:.2g} of their size: the learning rate η = {lr:g} is too high, steps jump across the valley; try η/3, a decaying schedule, or Adam</source>
        <translation>损失在 {mean:.3g} 附近上下振荡，{window} 步内没有下降趋势，而每一步都让权重改变其大小的 {ratio:.2g}：学习率 η = {lr:g} 太大，每一步都跳过了山谷；试试 η/3、学习率衰减或 Adam</translation>
    </message>
    <message>
        <source>the learning rate is too low: each step moves the weights by only {ratio:.1e} of their size and the loss fell by {fall:.2%} over the last {window} steps; try η × 10</source>
        <translation>学习率太小：每一步只让权重移动其大小的 {ratio:.1e}，最近 {window} 步损失只下降了 {fall:.2%}；试试 η × 10</translation>
    </message>
    <message>
        <source>the loss has stayed at {loss:.3g} for {window} steps although the gradients are not tiny (updates {ratio:.1e} of the weights): a plateau or saddle; momentum or Adam carries the weights across</source>
        <translation>虽然梯度并不小（更新量为权重的 {ratio:.1e}），损失却已在 {loss:.3g} 停留了 {window} 步：这是平台或鞍点；动量或 Adam 能带着权重越过它</translation>
    </message>
    <message>
        <source>{dead} of {units} units in layer {layer} are dead: their ReLU outputs 0 for every training sample, so no gradient reaches them; a smaller η, leaky ReLU or He init</source>
        <translation>第 {layer} 层的 {units} 个神经元中有 {dead} 个已经“死亡”：它们的 ReLU 对每个训练样本都输出 0，梯度传不到它们；试试更小的 η、Leaky ReLU 或 He 初始化</translation>
    </message>
    <message>
        <source>{saturated} of {units} {activation} units in layer {layer} are saturated (|z| &gt; {z:g} on most samples): their derivative is almost 0 and they hardly learn; smaller weights, inputs on a smaller scale, BatchNorm or ReLU</source>
        <translation>第 {layer} 层的 {units} 个 {activation} 神经元中有 {saturated} 个已饱和（大多数样本上 |z| &gt; {z:g}）：它们的导数几乎为 0，几乎学不动；试试更小的权重、缩小输入的尺度、批归一化（BatchNorm）或 ReLU</translation>
    </message>
    <message>
        <source>vanishing gradients: the first layer&apos;s gradient norm {first:.1e} is {ratio:.1e} × the last layer&apos;s {last:.1e}, so the first layers barely learn; ReLU, BatchNorm, Xavier/He init</source>
        <translation>梯度消失：第一层的梯度范数 {first:.1e} 只有最后一层 {last:.1e} 的 {ratio:.1e} 倍，前面几层几乎学不到东西；试试 ReLU、批归一化（BatchNorm）、Xavier/He 初始化</translation>
    </message>
    <message>
        <source>exploding gradients: {how}; gradient clipping, a smaller η, BatchNorm</source>
        <translation>梯度爆炸：{how}；试试梯度裁剪、更小的 η、批归一化（BatchNorm）</translation>
    </message>
    <message>
        <source>over-fitting: the test loss rose from {test_from:.3g} to {test_to:.3g} over {window} steps while the training loss fell from {train_from:.3g} to {train_to:.3g}; more data, L2 regularisation, dropout or a smaller network</source>
        <translation>过拟合：{window} 步内测试损失从 {test_from:.3g} 升到 {test_to:.3g}，而训练损失从 {train_from:.3g} 降到 {train_to:.3g}；试试更多数据、L2 正则化、Dropout 或更小的网络</translation>
    </message>
    <message>
        <source>all {units} units of layer {layer} compute the same thing (they started equal, so they get equal gradients and stay equal): random initialisation breaks the symmetry</source>
        <translation>第 {layer} 层的全部 {units} 个神经元计算的是同一个东西（它们初始值相同，得到的梯度也相同，于是一直相同）：随机初始化可以打破这种对称</translation>
    </message>
    <message>
        <source>the gradient norm grew {growth:.1e}× within {window} steps, from {from:.2g} to {norm:.2g}</source>
        <translation>梯度范数在 {window} 步内增长了 {growth:.1e} 倍，从 {from:.2g} 增至 {norm:.2g}</translation>
    </message>
    <message>
        <source>the first layer&apos;s gradient norm {first:.1e} is {ratio:.1e} × the last layer&apos;s</source>
        <translation>第一层的梯度范数 {first:.1e} 是最后一层的 {ratio:.1e} 倍</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <source>oscillating</source>
        <translation>振荡</translation>
    </message>
    <message>
        <source>too_slow</source>
        <translation>学得太慢</translation>
    </message>
    <message>
        <source>plateau</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>dead_relu</source>
        <translation>ReLU 死亡</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>饱和</translation>
    </message>
    <message>
        <source>vanishing_gradients</source>
        <translation>梯度消失</translation>
    </message>
    <message>
        <source>exploding_gradients</source>
        <translation>梯度爆炸</translation>
    </message>
    <message>
        <source>overfitting</source>
        <translation>过拟合</translation>
    </message>
    <message>
        <source>symmetric_units</source>
        <translation>神经元对称</translation>
    </message>
    <message>
        <source>{what} at step {step} — the learning rate {lr:g} is too high for this network; try ≤ {lower:g}</source>
        <translation>第 {step} 步{what}——学习率 {lr:g} 对这个网络来说太大了；试试 ≤ {lower:g}</translation>
    </message>
    <message>
        <source>loss became {value}</source>
        <translation>损失变成了 {value}</translation>
    </message>
    <message>
        <source>a weight became {value}</source>
        <translation>有权重变成了 {value}</translation>
    </message>
    <message>
        <source>{what} at step {step}, before any update — the starting weights already make the network&apos;s output overflow, so it is not the learning rate; try another initialiser, or fewer or narrower layers</source>
        <translation>第 {step} 步{what}，此时还没有任何更新——初始权重已经让网络的输出溢出，所以问题不在学习率；试试换一种初始化方法，或者减少层数、缩小层宽</translation>
    </message>
    <message>
        <source>{what} at step {step} — the gradient overflowed (exploding gradients), not only the learning rate; clip the gradient norm (at 1, say) or lower the learning rate</source>
        <translation>第 {step} 步{what}——梯度溢出了（梯度爆炸），不只是学习率的问题；试试裁剪梯度范数（比如裁剪到 1）或降低学习率</translation>
    </message>
    <message>
        <source>{what} at step {step} — {optimizer}&apos;s {name} {value} makes its updates overflow, not the learning rate {lr:g}; try {name} {default} (the default)</source>
        <translation>第 {step} 步{what}——是 {optimizer} 的 {name} = {value} 让更新溢出，而不是学习率 {lr:g}；试试 {name} = {default}（默认值）</translation>
    </message>
    <message>
        <source>{what} at step {step} — the learning rate {lr:g}, which the {schedule} schedule gives at this step ({field} {peak:g}), is too high for this network; try {field} ≤ {lower:g}</source>
        <translation>第 {step} 步{what}——{schedule} 学习率调度在这一步给出的学习率 {lr:g}（{field} = {peak:g}）对这个网络来说太大了；试试 {field} ≤ {lower:g}</translation>
    </message>
    <message>
        <source>Try this change beside the run as it is: Compare opens with the two, both from step 0
on the same data and initial weights, playing. “Use this run” there makes it the main
experiment; the run in this window is paused and kept.</source>
        <translation>把这个改动与当前的运行并排试一试：“对比”窗口会打开这两个运行，
都从第 0 步开始，使用相同的数据和初始权重，并开始播放。在那里点“使用此运行”
可把它设为主实验；本窗口中的运行会暂停并保留。</translation>
    </message>
    <message>
        <source>The coach watches the loss, the gradients and the hidden units every 100 steps and says
what it sees: each problem once, with the step it was first seen and its numbers
(the latest on top; hover a row for every number).
The same list is on the loss and gradient plots as dashed amber lines (nnsim run writes it
to diagnosis.json).</source>
        <translation>教练每 100 步检查一次损失、梯度和隐藏层神经元，并说出它看到的问题：
每个问题只说一次，附上首次发现的步数和相关数值
（最新的在最上面；把鼠标停在一行上可看到全部数值）。
损失图和梯度图上的琥珀色虚线标出的是同一份列表（命令行的 nnsim 会把它
写入 diagnosis.json）。</translation>
    </message>
    <message>
        <source>activation = {value}</source>
        <translation>激活函数 = {value}</translation>
    </message>
    <message>
        <source>bad = {value}</source>
        <translation>出错的量 = {value}</translation>
    </message>
    <message>
        <source>dead = {value}</source>
        <translation>死亡神经元 = {value}</translation>
    </message>
    <message>
        <source>explanation = {value}</source>
        <translation>说明 = {value}</translation>
    </message>
    <message>
        <source>fall = {value}</source>
        <translation>降幅 = {value}</translation>
    </message>
    <message>
        <source>first = {value}</source>
        <translation>第一层 = {value}</translation>
    </message>
    <message>
        <source>first_loss = {value}</source>
        <translation>起始损失 = {value}</translation>
    </message>
    <message>
        <source>fraction = {value}</source>
        <translation>比例 = {value}</translation>
    </message>
    <message>
        <source>from = {value}</source>
        <translation>起始值 = {value}</translation>
    </message>
    <message>
        <source>growth = {value}</source>
        <translation>增长倍数 = {value}</translation>
    </message>
    <message>
        <source>last = {value}</source>
        <translation>最后一层 = {value}</translation>
    </message>
    <message>
        <source>loss = {value}</source>
        <translation>损失 = {value}</translation>
    </message>
    <message>
        <source>lr = {value}</source>
        <translation>学习率 = {value}</translation>
    </message>
    <message>
        <source>mean = {value}</source>
        <translation>均值 = {value}</translation>
    </message>
    <message>
        <source>norm = {value}</source>
        <translation>范数 = {value}</translation>
    </message>
    <message>
        <source>ratio = {value}</source>
        <translation>比值 = {value}</translation>
    </message>
    <message>
        <source>relu = {value}</source>
        <translation>ReLU = {value}</translation>
    </message>
    <message>
        <source>rise = {value}</source>
        <translation>升幅 = {value}</translation>
    </message>
    <message>
        <source>saturated = {value}</source>
        <translation>饱和神经元 = {value}</translation>
    </message>
    <message>
        <source>spread = {value}</source>
        <translation>波动幅度 = {value}</translation>
    </message>
    <message>
        <source>test_from = {value}</source>
        <translation>测试损失起点 = {value}</translation>
    </message>
    <message>
        <source>test_to = {value}</source>
        <translation>测试损失终点 = {value}</translation>
    </message>
    <message>
        <source>train_from = {value}</source>
        <translation>训练损失起点 = {value}</translation>
    </message>
    <message>
        <source>train_to = {value}</source>
        <translation>训练损失终点 = {value}</translation>
    </message>
    <message>
        <source>trend = {value}</source>
        <translation>趋势 = {value}</translation>
    </message>
    <message>
        <source>turns = {value}</source>
        <translation>转向次数 = {value}</translation>
    </message>
    <message>
        <source>units = {value}</source>
        <translation>神经元数 = {value}</translation>
    </message>
    <message>
        <source>value = {value}</source>
        <translation>数值 = {value}</translation>
    </message>
    <message>
        <source>window = {value}</source>
        <translation>窗口步数 = {value}</translation>
    </message>
    <message>
        <source>z = {value}</source>
        <translation>z = {value}</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Nothing wrong seen so far: the coach checks every 100 steps.</source>
        <translation>目前没有发现问题：教练每 100 步检查一次。</translation>
    </message>
    <message>
        <source>step {step}</source>
        <translation>第 {step} 步</translation>
    </message>
    <message>
        <source>step {step} · layer {layer}</source>
        <translation>第 {step} 步 · 第 {layer} 层</translation>
    </message>
    <message>
        <source>Try: {cure}</source>
        <translation>试试：{cure}</translation>
    </message>
    <message>
        <source>{code}, first seen at step {step}. Evidence:</source>
        <translation>{code}，首次发现于第 {step} 步。证据：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Coach&lt;/b&gt;</source>
        <translation>&lt;b&gt;教练&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Lower the learning rate ×10 and reset</source>
        <translation>学习率降为 1/10 并重置</translation>
    </message>
    <message>
        <source>Divide the learning rate by 10 and start again from step 0</source>
        <translation>把学习率除以 10，从第 0 步重新开始</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training stopped.&lt;/b&gt; {explanation}.</source>
        <translation>&lt;b&gt;训练已停止。&lt;/b&gt;{explanation}。</translation>
    </message>
    <message>
        <source>in {interval}</source>
        <translation>{interval} 内的值</translation>
    </message>
    <message>
        <source>a finite number</source>
        <translation>有限的数</translation>
    </message>
    <message>
        <source>Steepest descent</source>
        <translation>最陡下降</translation>
    </message>
    <message>
        <source>At {lr:.3g} the loss fell fastest as the rate grew, so this rate learns quickest: a bold but sound choice.</source>
        <translation>随着学习率增大，损失在 {lr:.3g} 处下降得最快，所以这个学习率学得最快：大胆但稳妥的选择。</translation>
    </message>
    <message>
        <source>Minimum ÷ 10</source>
        <translation>最低点 ÷ 10</translation>
    </message>
    <message>
        <source>The loss was lowest at {lowest:.3g}, a rate close to unstable, so a tenth of it, {lr:.3g}, is a safe choice that still learns well.</source>
        <translation>损失在 {lowest:.3g} 处最低，这个学习率已接近不稳定，所以取它的十分之一 {lr:.3g}：既安全又学得不错。</translation>
    </message>
    <message>
        <source>the loss became {loss:g} at step {step} (rate {lr:.3g})</source>
        <translation>第 {step} 步损失变成了 {loss:g}（学习率 {lr:.3g}）</translation>
    </message>
    <message>
        <source>the smoothed loss rose above {factor:g}× its minimum at step {step} (rate {lr:.3g})</source>
        <translation>第 {step} 步平滑后的损失超过了其最小值的 {factor:g} 倍（学习率 {lr:.3g}）</translation>
    </message>
    <message>
        <source>a weight became non-finite at step {step} (rate {lr:.3g})</source>
        <translation>第 {step} 步有权重变成了非有限值（学习率 {lr:.3g}）</translation>
    </message>
    <message>
        <source>stopped early: {reason}</source>
        <translation>提前停止：{reason}</translation>
    </message>
    <message>
        <source>cancelled after {done} of {planned} steps</source>
        <translation>已在 {planned} 步中的第 {done} 步后取消</translation>
    </message>
    <message>
        <source>all {planned} steps done</source>
        <translation>全部 {planned} 步已完成</translation>
    </message>
    <message>
        <source>{done} of {planned} steps done</source>
        <translation>已完成 {done}/{planned} 步</translation>
    </message>
    <message>
        <source>must be {wanted}, got {got}</source>
        <translation>应为 {wanted}，实际为 {got}</translation>
    </message>
    <message>
        <source>top level</source>
        <translation>顶层</translation>
    </message>
    <message>
        <source>… and {count} more problems</source>
        <translation>……还有 {count} 个问题</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>one of {names}</source>
        <translation>以下之一：{names}</translation>
    </message>
    <message>
        <source> (did you mean {name}?)</source>
        <translation>（是不是想写 {name}？）</translation>
    </message>
    <message>
        <source>must be an object ({{...}}), got {got}</source>
        <translation>应为对象（{{...}}），实际为 {got}</translation>
    </message>
    <message>
        <source>appears more than once in this object</source>
        <translation>在这个对象中出现了不止一次</translation>
    </message>
    <message>
        <source>… and {count} more keys appear more than once</source>
        <translation>……还有 {count} 个键重复出现</translation>
    </message>
    <message>
        <source>unknown key; allowed: {names}{hint}</source>
        <translation>未知的键；允许的键：{names}{hint}</translation>
    </message>
    <message>
        <source>… and {count} more unknown keys</source>
        <translation>……还有 {count} 个未知的键</translation>
    </message>
    <message>
        <source>an integer in {low}..{high}</source>
        <translation>{low}..{high} 之间的整数</translation>
    </message>
    <message>
        <source>an integer &gt;= {low}</source>
        <translation>&gt;= {low} 的整数</translation>
    </message>
    <message>
        <source>between {low} and {high}</source>
        <translation>{low} 到 {high} 之间</translation>
    </message>
    <message>
        <source>{low} and {high}</source>
        <translation>{low} 且 {high}</translation>
    </message>
    <message>
        <source>a number {range}</source>
        <translation>{range} 的数</translation>
    </message>
    <message>
        <source>true, false or null</source>
        <translation>true、false 或 null</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>holds an invalid character (a lone surrogate {bad})</source>
        <translation>含有无效字符（孤立的代理字符 {bad}）</translation>
    </message>
    <message>
        <source>must be {wanted}, got {got}{hint}</source>
        <translation>应为 {wanted}，实际为 {got}{hint}</translation>
    </message>
</context>
</TS>
